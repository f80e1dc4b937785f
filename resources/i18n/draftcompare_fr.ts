<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangeModel</name>
    <message>
        <location filename="../../app/ui/change_model.py" line="12"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="12"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="13"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="15"/>
        <source>equal</source>
        <translation>identique</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="16"/>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="17"/>
        <source>inserted</source>
        <translation>inséré</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="18"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="19"/>
        <location filename="../../app/ui/change_model.py" line="76"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="20"/>
        <source>split</source>
        <translation>scindé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="21"/>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="75"/>
        <source>moved from {label}</source>
        <translation>déplacé depuis {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="78"/>
        <source>split into {n}</source>
        <translation>scindé en {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="80"/>
        <source>{n} merged</source>
        <translation>{n} fusionnés</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="83"/>
        <source>(+{n} more)</source>
        <translation>(+{n} autres)</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="87"/>
        <source>label changed</source>
        <translation>étiquette modifiée</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="89"/>
        <source>formatting changed</source>
        <translation>mise en forme modifiée</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../widgets/compare_view.py" line="31"/>
        <location filename="../../widgets/compare_view.py" line="103"/>
        <source>Draft</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="32"/>
        <location filename="../../widgets/compare_view.py" line="43"/>
        <source>Adopted text</source>
        <translation>Texte adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="42"/>
        <source>Draft text</source>
        <translation>Texte du projet</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="42"/>
        <source>The draft, deleted words struck through</source>
        <translation>Le projet, mots supprimés barrés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="43"/>
        <source>The adopted text, inserted words underlined</source>
        <translation>Le texte adopté, mots insérés soulignés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="44"/>
        <source>Links between aligned paragraphs</source>
        <translation>Liens entre les paragraphes alignés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="45"/>
        <source>Overview of changes</source>
        <translation>Vue d’ensemble des modifications</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="45"/>
        <source>Click to jump to a change</source>
        <translation>Cliquez pour aller à une modification</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="104"/>
        <source>Adopted</source>
        <translation>Adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="223"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>DiffPalette</name>
    <message>
        <location filename="../../widgets/palette.py" line="61"/>
        <source>Red / green</source>
        <translation>Rouge / vert</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="70"/>
        <source>Colour-blind safe (blue / orange)</source>
        <translation>Adapté aux daltoniens (bleu / orange)</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="79"/>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
</context>
<context>
    <name>DiffPane</name>
    <message>
        <location filename="../../widgets/diff_pane.py" line="58"/>
        <source>Drop the draft here</source>
        <translation>Déposez le projet ici</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="59"/>
        <source>Drop the adopted text here</source>
        <translation>Déposez le texte adopté ici</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="418"/>
        <source>moved here from {label} {arrow}</source>
        <translation>déplacé ici depuis {label} {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="420"/>
        <source>moved here from below {arrow}</source>
        <translation>déplacé ici depuis plus bas {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="421"/>
        <source>moved here from above {arrow}</source>
        <translation>déplacé ici depuis plus haut {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="423"/>
        <source>moved to {label} {arrow}</source>
        <translation>déplacé vers {label} {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="425"/>
        <source>moved down {arrow}</source>
        <translation>déplacé plus bas {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="426"/>
        <source>moved up {arrow}</source>
        <translation>déplacé plus haut {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="428"/>
        <source>inserted in the adopted text</source>
        <translation>inséré dans le texte adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="430"/>
        <source>deleted from the draft</source>
        <translation>supprimé du projet</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../app/ui/exports.py" line="33"/>
        <source>&amp;Tracked changes (.docx)…</source>
        <translation>&amp;Modifications suivies (.docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="34"/>
        <location filename="../../app/ui/exports.py" line="36"/>
        <location filename="../../app/ui/exports.py" line="40"/>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="35"/>
        <source>&amp;Annotated (.docx)…</source>
        <translation>&amp;Annoté (.docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="37"/>
        <source>Comparison sheet (&amp;PDF)…</source>
        <translation>Tableau comparatif (&amp;PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="38"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="39"/>
        <source>Comparison sheet (.&amp;docx)…</source>
        <translation>Tableau comparatif (.&amp;docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="42"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="44"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="91"/>
        <source>Open the exported file</source>
        <translation>Ouvrir le fichier exporté</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="103"/>
        <source>Open {name}</source>
        <translation>Ouvrir {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="117"/>
        <source>{path} is no longer there</source>
        <translation>{path} n’existe plus</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="120"/>
        <source>No application here opens {name}</source>
        <translation>Aucune application de ce poste n’ouvre {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="126"/>
        <source>Nothing to export: open a pair of documents first</source>
        <translation>Rien à exporter : ouvrez d’abord deux documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="132"/>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="133"/>
        <source>{title} is not available in this version.</source>
        <translation>{title} n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="144"/>
        <source>Export {title}</source>
        <translation>Exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="163"/>
        <source>Exporting {title}</source>
        <translation>Export : {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="102"/>
        <source>Saved {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="166"/>
        <source>Cannot export {title}</source>
        <translation>Impossible d’exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="178"/>
        <source>Cannot print</source>
        <translation>Impossible d’imprimer</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../app/ui/find_bar.py" line="19"/>
        <source>Find in both texts</source>
        <translation>Rechercher dans les deux textes</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="22"/>
        <source>Match &amp;case</source>
        <translation>Respecter la &amp;casse</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="25"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="25"/>
        <source>Find previous (Shift+F3)</source>
        <translation>Occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="26"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="26"/>
        <source>Find next (F3)</source>
        <translation>Occurrence suivante (F3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="27"/>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="30"/>
        <source>Find:</source>
        <translation>Rechercher :</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="108"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="110"/>
        <source>1 match</source>
        <translation>1 occurrence</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="111"/>
        <source>{n} matches</source>
        <translation>{n} occurrences</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="140"/>
        <source>{n} matches · in the draft</source>
        <translation>{n} occurrences · dans le projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="141"/>
        <source>1 match · in the draft</source>
        <translation>1 occurrence · dans le projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="143"/>
        <source>{n} matches · in the adopted text</source>
        <translation>{n} occurrences · dans le texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/find_bar.py" line="144"/>
        <source>1 match · in the adopted text</source>
        <translation>1 occurrence · dans le texte adopté</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="17"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="17"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="18"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="20"/>
        <source>high</source>
        <translation>élevée</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="21"/>
        <source>medium</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="22"/>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="23"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="69"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="75"/>
        <source>Draft: {draft}</source>
        <translation>Projet : {draft}</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="76"/>
        <source>Adopted: {adopted}</source>
        <translation>Adopté : {adopted}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="54"/>
        <source>Draft Compare</source>
        <translation>Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="77"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="78"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="83"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="84"/>
        <source>List of changes</source>
        <translation>Liste des modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="85"/>
        <source>Findings of the cross-check</source>
        <translation>Constats de la vérification</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <source>Changes, findings and notes</source>
        <translation>Modifications, constats et notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>Open review</source>
        <translation>Ouvrir une revue</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Draft Compare reviews (*.dcreview);;All files (*)</source>
        <translation>Revues Draft Compare (*.dcreview);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Cannot open this review</source>
        <translation>Impossible d’ouvrir cette revue</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Draft Compare — {draft} ↔ {adopted}</source>
        <translation>Draft Compare — {draft} ↔ {adopted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>Now drop the adopted text</source>
        <translation>Déposez maintenant le texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>Now drop the draft</source>
        <translation>Déposez maintenant le projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>Comparing</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="220"/>
        <source>Cannot compare these files</source>
        <translation>Impossible de comparer ces fichiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235"/>
        <source>Changes ({n})</source>
        <translation>Modifications ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="236"/>
        <source>Findings ({n})</source>
        <translation>Constats ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Recover notes</source>
        <translation>Récupérer les notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="262"/>
        <source>Draft Compare ended before it could save {n} note(s) on these documents. Restore them?</source>
        <translation>Draft Compare s’est arrêté avant d’enregistrer {n} note(s) sur ces documents. Les restaurer ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323"/>
        <source>{task}: cancelled</source>
        <translation>{task} : annulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="341"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="347"/>
        <source>No further change</source>
        <translation>Aucune modification suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="351"/>
        <source>No earlier change</source>
        <translation>Aucune modification précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>No findings</source>
        <translation>Aucun constat</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="376"/>
        <source>No further finding</source>
        <translation>Aucun constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="376"/>
        <source>No earlier finding</source>
        <translation>Aucun constat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="425"/>
        <source>Log file: {path}</source>
        <translation>Journal technique : {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="426"/>
        <source>No log file is being written (its folder: {folder})</source>
        <translation>Aucun journal technique n’est écrit (son dossier : {folder})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="427"/>
        <source>About Draft Compare</source>
        <translation>À propos de Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="428"/>
        <source>Draft Compare: a draft resolution beside the adopted text, aligned paragraph by paragraph, with word changes, moves and cross-language checks.</source>
        <translation>Draft Compare : un projet de résolution à côté du texte adopté, aligné paragraphe par paragraphe, avec les modifications de mots, les déplacements et les vérifications entre langues.</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="41"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="42"/>
        <source>Open a draft and an adopted text</source>
        <translation>Ouvrir un projet et un texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="43"/>
        <source>Open re&amp;view…</source>
        <translation>Ouvrir une re&amp;vue…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="45"/>
        <source>Open a saved review (.dcreview) with its two documents</source>
        <translation>Ouvrir une revue enregistrée (.dcreview) avec ses deux documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="46"/>
        <source>S&amp;wap sides</source>
        <translation>&amp;Inverser les côtés</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="47"/>
        <source>Compare the other way round</source>
        <translation>Comparer dans l’autre sens</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="48"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="48"/>
        <source>Read both files again and compare</source>
        <translation>Relire les deux fichiers et comparer</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="49"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="49"/>
        <source>Quit Draft Compare</source>
        <translation>Quitter Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="50"/>
        <source>&amp;Next change</source>
        <translation>Modification &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="50"/>
        <source>Go to the next change</source>
        <translation>Aller à la modification suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="51"/>
        <source>&amp;Previous change</source>
        <translation>Modification &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="52"/>
        <source>Go to the previous change</source>
        <translation>Aller à la modification précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="53"/>
        <source>Next &amp;finding</source>
        <translation>&amp;Constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="54"/>
        <source>Go to the next finding</source>
        <translation>Aller au constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="55"/>
        <source>Previous f&amp;inding</source>
        <translation>C&amp;onstat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="56"/>
        <source>Go to the previous finding</source>
        <translation>Aller au constat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="57"/>
        <source>&amp;Changed paragraphs only</source>
        <translation>&amp;Paragraphes modifiés seulement</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="58"/>
        <source>Hide paragraphs that did not change</source>
        <translation>Masquer les paragraphes inchangés</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="60"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="61"/>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="62"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="62"/>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="63"/>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;normal</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="64"/>
        <source>Default text size</source>
        <translation>Taille de texte par défaut</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="65"/>
        <source>Side &amp;panel</source>
        <translation>&amp;Panneau latéral</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="66"/>
        <source>Show or hide the changes and findings</source>
        <translation>Afficher ou masquer les modifications et constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="68"/>
        <source>C&amp;hanges</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="69"/>
        <source>Show the list of changes</source>
        <translation>Afficher la liste des modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="70"/>
        <source>Fin&amp;dings</source>
        <translation>&amp;Constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="71"/>
        <source>Show the findings of the cross-check</source>
        <translation>Afficher les constats de la vérification</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="72"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="73"/>
        <source>Find in both texts</source>
        <translation>Rechercher dans les deux textes</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="74"/>
        <source>Find ne&amp;xt</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="75"/>
        <source>Find the next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="76"/>
        <source>Find pre&amp;vious</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="77"/>
        <source>Find the previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="78"/>
        <source>&amp;Options…</source>
        <translation>&amp;Options…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="79"/>
        <source>Comparison options, palette, author</source>
        <translation>Options de comparaison, couleurs, auteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="80"/>
        <source>&amp;About Draft Compare</source>
        <translation>À &amp;propos de Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="80"/>
        <source>About this program</source>
        <translation>À propos de ce programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="81"/>
        <source>Open &amp;last export</source>
        <translation>Ouvrir le &amp;dernier export</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="83"/>
        <source>Open the file exported last in its usual application</source>
        <translation>Ouvrir le dernier fichier exporté dans son application habituelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="90"/>
        <source>Export {title}</source>
        <translation>Exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="98"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="101"/>
        <source>Open &amp;recent</source>
        <translation>Ouverts &amp;récemment</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="107"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="116"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="121"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="126"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="128"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="160"/>
        <source>Reading notes</source>
        <translation>Remarques de lecture</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="164"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="166"/>
        <source>Stop the running comparison</source>
        <translation>Arrêter la comparaison en cours</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="17"/>
        <location filename="../../app/ui/notes_panel.py" line="54"/>
        <source>No paragraph selected</source>
        <translation>Aucun paragraphe choisi</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="19"/>
        <source>Your note on this paragraph (saved automatically)</source>
        <translation>Votre note sur ce paragraphe (enregistrée automatiquement)</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="20"/>
        <source>Reviewer's note</source>
        <translation>Note du réviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="21"/>
        <source>&amp;Checked</source>
        <translation>&amp;Vérifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="22"/>
        <source>Mark this change as checked</source>
        <translation>Marquer cette modification comme vérifiée</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="24"/>
        <source>Notes that could not be placed</source>
        <translation>Notes non replacées</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="25"/>
        <source>Notes that could not be placed:</source>
        <translation>Notes non replacées :</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="30"/>
        <source>Where the notes are kept</source>
        <translation>Où les notes sont conservées</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="31"/>
        <source>Save review &amp;as…</source>
        <translation>Enregistrer l’examen &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="32"/>
        <source>Save the review in a file of your choice</source>
        <translation>Enregistrer l’examen dans le fichier de votre choix</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="53"/>
        <source>Note on {0}</source>
        <translation>Note sur {0}</translation>
    </message>
</context>
<context>
    <name>OpenPairDialog</name>
    <message>
        <source>Documents (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt *.md);;All files (*)</source>
        <translation type="vanished">Documents (*.docx *.txt *.md);;Documents Word (*.docx);;Fichiers texte (*.txt *.md);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="20"/>
        <source>Open draft and adopted text</source>
        <translation>Ouvrir le projet et le texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="27"/>
        <source>&amp;Draft:</source>
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="27"/>
        <source>&amp;Adopted text:</source>
        <translation>&amp;Texte adopté :</translation>
    </message>
    <message>
        <source>.docx, .txt or .md</source>
        <translation type="vanished">.docx, .txt ou .md</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="11"/>
        <source>Documents (*.docx *.pdf *.odt *.html *.htm *.txt *.md);;Word documents (*.docx);;PDF documents (*.pdf);;OpenDocument text (*.odt);;Web pages (*.html *.htm);;Text files (*.txt *.md);;All files (*)</source>
        <translation>Documents (*.docx *.pdf *.odt *.html *.htm *.txt *.md);;Documents Word (*.docx);;Documents PDF (*.pdf);;Textes OpenDocument (*.odt);;Pages Web (*.html *.htm);;Fichiers texte (*.txt *.md);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="31"/>
        <source>.docx, .pdf, .odt, .html, .txt or .md</source>
        <translation>.docx, .pdf, .odt, .html, .txt ou .md</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="32"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="37"/>
        <source>S&amp;wap</source>
        <translation>&amp;Inverser</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="38"/>
        <source>Exchange draft and adopted text</source>
        <translation>Échanger projet et texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="63"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="16"/>
        <source>Ignore &amp;case</source>
        <translation>Ignorer la &amp;casse</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="17"/>
        <source>Ignore &amp;punctuation</source>
        <translation>Ignorer la &amp;ponctuation</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="18"/>
        <source>Ignore paragraph &amp;labels and numbering</source>
        <translation>Ignorer les &amp;étiquettes et la numérotation</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="19"/>
        <source>Treat all &amp;spaces alike (tabs, no-break spaces)</source>
        <translation>Traiter tous les &amp;espaces de la même façon (tabulations, espaces insécables)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="20"/>
        <source>Treat all &amp;quote styles alike (’ ' “ ” « »)</source>
        <translation>Traiter tous les &amp;guillemets de la même façon (’ ' “ ” « »)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="21"/>
        <source>Ignore &amp;formatting (bold, italic, underline)</source>
        <translation>Ignorer la &amp;mise en forme (gras, italique, soulignement)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="23"/>
        <source>Automatic (when languages differ)</source>
        <translation>Automatique (langues différentes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="24"/>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="25"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="31"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="35"/>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="48"/>
        <source>Cross-language &amp;mode:</source>
        <translation>Mode &amp;multilingue :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="50"/>
        <source>Display and export</source>
        <translation>Affichage et export</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="56"/>
        <source>Colour &amp;palette:</source>
        <translation>&amp;Couleurs :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="59"/>
        <source>&amp;Author of tracked changes:</source>
        <translation>&amp;Auteur des modifications suivies :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="61"/>
        <source>&amp;Deleted words colour:</source>
        <translation>Couleur des mots &amp;supprimés :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="61"/>
        <source>&amp;Inserted words colour:</source>
        <translation>Couleur des mots &amp;insérés :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="63"/>
        <source>palette colour, or #rrggbb</source>
        <translation>couleur de la palette, ou #rrggbb</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="69"/>
        <source>Text &amp;font:</source>
        <translation>&amp;Police du texte :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="72"/>
        <source>System size</source>
        <translation>Taille du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="75"/>
        <source>Text si&amp;ze:</source>
        <translation>&amp;Taille du texte :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="77"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="80"/>
        <source>Interface &amp;language (after restart):</source>
        <translation>&amp;Langue de l’interface (au prochain démarrage) :</translation>
    </message>
</context>
<context>
    <name>OverviewBar</name>
    <message>
        <location filename="../../widgets/overview_bar.py" line="19"/>
        <source>Overview of changes: click to jump</source>
        <translation>Vue d’ensemble : cliquez pour y aller</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="38"/>
        <source>Reading draft</source>
        <translation>Lecture du projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="38"/>
        <source>Reading adopted text</source>
        <translation>Lecture du texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="39"/>
        <source>Aligning paragraphs</source>
        <translation>Alignement des paragraphes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="39"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../../app/ui/review_session.py" line="126"/>
        <source>{0}: {1}; it is left as it is and your notes will be kept elsewhere.</source>
        <translation>{0} : {1} ; il est laissé tel quel et vos notes seront conservées ailleurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="131"/>
        <source>the review file could not be read ({0})</source>
        <translation>le fichier d’examen ne peut pas être lu ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="137"/>
        <source>the damaged review file cannot be moved aside ({0})</source>
        <translation>le fichier d’examen endommagé ne peut pas être mis de côté ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="138"/>
        <source>{0}: {1}; it cannot be moved aside, so your notes will be kept elsewhere.</source>
        <translation>{0} : {1} ; il ne peut pas être mis de côté : vos notes seront donc conservées ailleurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="141"/>
        <source>{0}: {1}; it was kept as {2} and a new review started.</source>
        <translation>{0} : {1} ; il a été conservé sous {2} et un nouvel examen a commencé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="152"/>
        <source>Unsaved notes were not restored; they are kept in {0}.</source>
        <translation>Les notes non enregistrées n’ont pas été restaurées ; elles sont conservées dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="155"/>
        <source>Unsaved notes were not restored; they stay in {0}.</source>
        <translation>Les notes non enregistrées n’ont pas été restaurées ; elles restent dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="167"/>
        <source>Notes recovered from a session that ended unexpectedly.</source>
        <translation>Notes récupérées d’une session interrompue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="270"/>
        <source>Notes are now kept in {0}.</source>
        <translation>Les notes sont désormais conservées dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="274"/>
        <source>Notes cannot be saved ({0}); they stay open in this window: use “Save review as…”.</source>
        <translation>Les notes ne peuvent pas être enregistrées ({0}) ; elles restent ouvertes dans cette fenêtre : utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="286"/>
        <source>Save review as</source>
        <translation>Enregistrer l’examen sous</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="287"/>
        <location filename="../../app/ui/review_session.py" line="298"/>
        <source>Draft Compare reviews (*.dcreview)</source>
        <translation>Examens Draft Compare (*.dcreview)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="292"/>
        <source>the file chosen cannot be written</source>
        <translation>le fichier choisi ne peut pas être écrit</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="297"/>
        <source>Where should the review be kept? Its folder cannot be written ({0})</source>
        <translation>Où conserver l’examen ? Son dossier n’est pas accessible en écriture ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="342"/>
        <source>{0}; your notes are in the journal and are saved shortly.</source>
        <translation>{0} ; vos notes sont dans le journal et seront enregistrées sous peu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="349"/>
        <source>Notes cannot be saved: {0}. Use “Save review as…”.</source>
        <translation>Les notes ne peuvent pas être enregistrées : {0}. Utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="352"/>
        <source>Notes are kept in {0}</source>
        <translation>Notes conservées dans {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="370"/>
        <source>Notes not saved yet: {0}; they are kept in the journal and offered next time.</source>
        <translation>Notes pas encore enregistrées : {0} ; elles sont conservées dans le journal et proposées la prochaine fois.</translation>
    </message>
    <message>
        <source>The review file could not be read ({0}); it was kept as {1}.</source>
        <translation>Le fichier de revue n’a pas pu être lu ({0}) ; il a été conservé sous le nom {1}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="84"/>
        <source>{0} note(s) could not be placed on the changed documents; they are listed in the Notes panel.</source>
        <translation>{0} note(s) n’ont pas pu être replacées sur les documents modifiés ; elles figurent dans le panneau Notes.</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../app/ui/sheet_print.py" line="143"/>
        <source>Comparison sheet — print preview</source>
        <translation>Tableau comparatif — aperçu avant impression</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/ui/status.py" line="26"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="39"/>
        <source>%n with findings</source>
        <translation><numerusform>%n avec constats</numerusform><numerusform>%n avec constats</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="41"/>
        <source>%n changed</source>
        <translation><numerusform>%n modifié</numerusform><numerusform>%n modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="42"/>
        <source>%n inserted</source>
        <translation><numerusform>%n inséré</numerusform><numerusform>%n insérés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="43"/>
        <source>%n deleted</source>
        <translation><numerusform>%n supprimé</numerusform><numerusform>%n supprimés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="44"/>
        <source>%n moved</source>
        <translation><numerusform>%n déplacé</numerusform><numerusform>%n déplacés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="46"/>
        <source>%n split/merged</source>
        <translation><numerusform>%n scindé/fusionné</numerusform><numerusform>%n scindés/fusionnés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="49"/>
        <source>%n word changed</source>
        <translation><numerusform>%n mot modifié</numerusform><numerusform>%n mots modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="50"/>
        <source>%n words changed</source>
        <translation><numerusform>%n mot modifié</numerusform><numerusform>%n mots modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="53"/>
        <source>%n finding</source>
        <translation><numerusform>%n constat</numerusform><numerusform>%n constats</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="54"/>
        <source>%n findings</source>
        <translation><numerusform>%n constat</numerusform><numerusform>%n constats</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="56"/>
        <source>Languages: {draft} → {adopted}</source>
        <translation>Langues : {draft} → {adopted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="58"/>
        <source>Draft in {draft} ({draft_sure} sure), adopted text in {adopted} ({adopted_sure} sure)</source>
        <translation>Projet en {draft} (sûr à {draft_sure}), texte adopté en {adopted} (sûr à {adopted_sure})</translation>
    </message>
    <message>
        <source>Draft in {draft}, adopted text in {adopted} (detected)</source>
        <translation type="vanished">Projet en {draft}, texte adopté en {adopted} (détecté)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="63"/>
        <source>Cross-language</source>
        <translation>Multilingue</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="64"/>
        <source>The texts are in different languages: paragraphs are aligned and their figures, dates and symbols checked; no word changes are shown</source>
        <translation>Les textes sont en langues différentes : les paragraphes sont alignés et leurs chiffres, dates et cotes vérifiés ; aucune modification de mots n’est affichée</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="68"/>
        <source>Same-language</source>
        <translation>Même langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="69"/>
        <source>Both texts are in the same language: word changes are shown</source>
        <translation>Les deux textes sont dans la même langue : les modifications de mots sont affichées</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="72"/>
        <source>Paragraphs changed, inserted, deleted and moved; words changed; findings of the checks</source>
        <translation>Paragraphes modifiés, insérés, supprimés et déplacés ; mots modifiés ; constats des vérifications</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="76"/>
        <source>⚠ %n reading note(s)</source>
        <translation><numerusform>⚠ %n remarque de lecture</numerusform><numerusform>⚠ %n remarques de lecture</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="77"/>
        <source>What was read only in part, or read in a particular way:</source>
        <translation>Ce qui n’a été lu qu’en partie, ou lu d’une manière particulière :</translation>
    </message>
</context>
</TS>