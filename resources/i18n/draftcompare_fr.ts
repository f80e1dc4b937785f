<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangeModel</name>
    <message>
        <location filename="../../app/ui/change_model.py" line="21"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="vanished">Étiquette</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="21"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="22"/>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="24"/>
        <source>equal</source>
        <translation>identique</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="25"/>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="26"/>
        <source>inserted</source>
        <translation>inséré</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="27"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="28"/>
        <location filename="../../app/ui/change_model.py" line="95"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="29"/>
        <source>split</source>
        <translation>scindé</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="30"/>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="94"/>
        <source>moved from {label}</source>
        <translation>déplacé depuis {label}</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="97"/>
        <source>split into {n}</source>
        <translation>scindé en {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="99"/>
        <source>{n} merged</source>
        <translation>{n} fusionnés</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="102"/>
        <source>(+{n} more)</source>
        <translation>(+{n} autres)</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="106"/>
        <source>label changed</source>
        <translation>étiquette modifiée</translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="108"/>
        <source>formatting changed</source>
        <translation>mise en forme modifiée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/change_model.py" line="118"/>
        <source>Header and footer: %n change</source>
        <translation><numerusform>En-tête et pied de page : %n modification</numerusform><numerusform>En-tête et pied de page : %n modifications</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/change_model.py" line="119"/>
        <source>Header and footer: %n changes</source>
        <translation><numerusform>En-tête et pied de page : %n modification</numerusform><numerusform>En-tête et pied de page : %n modifications</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/change_model.py" line="248"/>
        <source>Changes in the header block, title, meeting lines and footer; F8 passes them by unless View &gt; Include header and footer changes is on</source>
        <translation>Modifications de l’en-tête, du titre, des indications de séance et du pied de page ; F8 les passe, sauf si Affichage &gt; Inclure l’en-tête et le pied de page est coché</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../widgets/compare_view.py" line="75"/>
        <location filename="../../widgets/compare_view.py" line="199"/>
        <source>Draft</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="76"/>
        <location filename="../../widgets/compare_view.py" line="87"/>
        <source>Adopted text</source>
        <translation>Texte adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="86"/>
        <source>Draft text</source>
        <translation>Texte du projet</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="86"/>
        <source>The draft, deleted words struck through</source>
        <translation>Le projet, mots supprimés barrés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="87"/>
        <source>The adopted text, inserted words underlined</source>
        <translation>Le texte adopté, mots insérés soulignés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="88"/>
        <source>Links between aligned paragraphs</source>
        <translation>Liens entre les paragraphes alignés</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="89"/>
        <source>Overview of changes</source>
        <translation>Vue d’ensemble des modifications</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="89"/>
        <source>Click to jump to a change</source>
        <translation>Cliquez pour aller à une modification</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="200"/>
        <source>Adopted</source>
        <translation>Adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="330"/>
        <source>{title}: {name}</source>
        <translation>{title} : {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="332"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="335"/>
        <source>resolution {number}</source>
        <translation>résolution {number}</translation>
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
        <location filename="../../widgets/diff_pane.py" line="75"/>
        <source>Drop the draft here</source>
        <translation>Déposez le projet ici</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="76"/>
        <source>Drop the adopted text here</source>
        <translation>Déposez le texte adopté ici</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="468"/>
        <source>moved here from {label} {arrow}</source>
        <translation>déplacé ici depuis {label} {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="470"/>
        <source>moved here from below {arrow}</source>
        <translation>déplacé ici depuis plus bas {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="471"/>
        <source>moved here from above {arrow}</source>
        <translation>déplacé ici depuis plus haut {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="473"/>
        <source>moved to {label} {arrow}</source>
        <translation>déplacé vers {label} {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="475"/>
        <source>moved down {arrow}</source>
        <translation>déplacé plus bas {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="476"/>
        <source>moved up {arrow}</source>
        <translation>déplacé plus haut {arrow}</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="478"/>
        <source>inserted in the adopted text</source>
        <translation>inséré dans le texte adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/diff_pane.py" line="480"/>
        <source>deleted from the draft</source>
        <translation>supprimé du projet</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../app/ui/exports.py" line="43"/>
        <source>&amp;Tracked changes (.docx)…</source>
        <translation>&amp;Modifications suivies (.docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="44"/>
        <location filename="../../app/ui/exports.py" line="46"/>
        <location filename="../../app/ui/exports.py" line="50"/>
        <location filename="../../app/ui/exports.py" line="62"/>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="45"/>
        <source>&amp;Annotated (.docx)…</source>
        <translation>&amp;Annoté (.docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="47"/>
        <source>Comparison sheet (&amp;PDF)…</source>
        <translation>Tableau comparatif (&amp;PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="48"/>
        <location filename="../../app/ui/exports.py" line="59"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="49"/>
        <source>Comparison sheet (.&amp;docx)…</source>
        <translation>Tableau comparatif (.&amp;docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="52"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Aperçu avant impression…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="54"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="58"/>
        <source>Trail s&amp;heet (PDF)…</source>
        <translation>Tableau de l’&amp;historique de la négociation (PDF)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="60"/>
        <source>C&amp;umulative tracked changes (.docx)…</source>
        <translation>Modifications s&amp;uivies cumulées (.docx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="63"/>
        <source>Trail (&amp;JSON)…</source>
        <translation>Historique de la négociation (&amp;JSON)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="64"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="112"/>
        <source>Open the exported file</source>
        <translation>Ouvrir le fichier exporté</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="127"/>
        <source>Open {name}</source>
        <translation>Ouvrir {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="141"/>
        <source>{path} is no longer there</source>
        <translation>{path} n’existe plus</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="144"/>
        <source>No application here opens {name}</source>
        <translation>Aucune application de ce poste n’ouvre {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="150"/>
        <source>Nothing to export: open a pair of documents first</source>
        <translation>Rien à exporter : ouvrez d’abord deux documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="156"/>
        <location filename="../../app/ui/exports.py" line="224"/>
        <source>Not available</source>
        <translation>Non disponible</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="157"/>
        <location filename="../../app/ui/exports.py" line="225"/>
        <source>{title} is not available in this version.</source>
        <translation>{title} n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="181"/>
        <location filename="../../app/ui/exports.py" line="234"/>
        <source>Export {title}</source>
        <translation>Exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="204"/>
        <location filename="../../app/ui/exports.py" line="248"/>
        <source>Exporting {title}</source>
        <translation>Exportation : {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="122"/>
        <source>Saved {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="207"/>
        <location filename="../../app/ui/exports.py" line="251"/>
        <source>Cannot export {title}</source>
        <translation>Impossible d’exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="217"/>
        <source>Nothing to export: open a negotiation trail first</source>
        <translation>Rien à exporter : ouvrez d’abord un historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/exports.py" line="266"/>
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
        <translation>Rechercher :</translation>
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
        <location filename="../../app/ui/findings_panel.py" line="20"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="20"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="21"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="23"/>
        <source>high</source>
        <translation>élevée</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="24"/>
        <source>medium</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="25"/>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="26"/>
        <source>info</source>
        <translation>information</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="72"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="83"/>
        <source>Draft: {draft}</source>
        <translation>Projet : {draft}</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="84"/>
        <source>Adopted: {adopted}</source>
        <translation>Texte adopté : {adopted}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../app/ui/history_panel.py" line="33"/>
        <source>first version</source>
        <translation>première version</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="34"/>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="35"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="36"/>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="37"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="38"/>
        <source>split</source>
        <translation>scindé</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="39"/>
        <source>merged</source>
        <translation>fusionné</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="40"/>
        <source>dropped</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="41"/>
        <source>reintroduced</source>
        <translation>réintroduit</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="42"/>
        <source>translated</source>
        <translation>traduit</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="43"/>
        <source>not in this version</source>
        <translation>absent de cette version</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="45"/>
        <source>moved and changed</source>
        <translation>déplacé et modifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="151"/>
        <source>Which paragraphs to list</source>
        <translation>Paragraphes à afficher</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="152"/>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="159"/>
        <source>Paragraph</source>
        <translation>Paragraphe</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="159"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="162"/>
        <source>Paragraphs of the negotiation trail</source>
        <translation>Paragraphes de l’historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="168"/>
        <source>The paragraph in every version</source>
        <translation>Le paragraphe dans chaque version</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="169"/>
        <source>Choose a paragraph to see it in every version</source>
        <translation>Choisissez un paragraphe pour le voir dans chaque version</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="203"/>
        <source>All paragraphs</source>
        <translation>Tous les paragraphes</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="205"/>
        <source>Changed since {version}</source>
        <translation>Modifiés depuis {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="206"/>
        <source>New against {version}</source>
        <translation>Nouveaux par rapport à {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_panel.py" line="287"/>
        <source>{n} of {m} paragraphs</source>
        <translation>{n} paragraphes sur {m}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="34"/>
        <location filename="../../widgets/rows.py" line="100"/>
        <source>en</source>
        <comment>code of the interface language: fr for French</comment>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../widgets/palette.py" line="152"/>
        <source>deleted words</source>
        <translation>mots supprimés</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="154"/>
        <source>Words of the draft the adopted text no longer has (struck through)</source>
        <translation>Mots du projet que le texte adopté n’a plus (barrés)</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="155"/>
        <source>inserted words</source>
        <translation>mots insérés</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="157"/>
        <source>Words the adopted text added (underlined)</source>
        <translation>Mots ajoutés par le texte adopté (soulignés)</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="158"/>
        <source>changed paragraph</source>
        <translation>paragraphe modifié</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="159"/>
        <source>A paragraph whose words changed; a band in the middle strip links its two sides</source>
        <translation>Paragraphe dont les mots ont changé ; une bande dans la colonne centrale relie ses deux côtés</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="161"/>
        <source>moved paragraph</source>
        <translation>paragraphe déplacé</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="162"/>
        <source>A paragraph that moved; a dashed band links where it was to where it is</source>
        <translation>Paragraphe déplacé ; une bande en pointillés relie son ancienne place à la nouvelle</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="164"/>
        <source>one side only</source>
        <translation>d’un seul côté</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="165"/>
        <source>A paragraph inserted or deleted; the other side shows a hatched band saying so</source>
        <translation>Paragraphe inséré ou supprimé ; l’autre côté le signale par une bande hachurée</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="167"/>
        <source>finding</source>
        <translation>constat</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="169"/>
        <source>A figure, date or symbol that differs (wavy underline; the finding as tooltip)</source>
        <translation>Chiffre, date ou cote qui diffère (soulignement ondulé ; le constat en info-bulle)</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="172"/>
        <source>Unchanged paragraphs hidden by “Changed paragraphs only”</source>
        <translation>Paragraphes inchangés masqués par « Paragraphes modifiés seulement »</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="175"/>
        <source>In the margin and the list of changes: your note on this paragraph</source>
        <translation>Dans la marge et la liste des modifications : votre note sur ce paragraphe</translation>
    </message>
    <message>
        <location filename="../../widgets/palette.py" line="178"/>
        <source>In the margin and the list of changes: you marked this paragraph checked</source>
        <translation>Dans la marge et la liste des modifications : vous avez marqué ce paragraphe comme vérifié</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="56"/>
        <source>Draft Compare</source>
        <translation>Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="87"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="89"/>
        <source>List of changes</source>
        <translation>Liste des modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>Findings of the cross-check</source>
        <translation>Constats de la vérification</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="91"/>
        <source>Changes, findings and notes</source>
        <translation>Modifications, constats et notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>Open review</source>
        <translation>Ouvrir un examen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Draft Compare reviews (*.dcreview);;All files (*)</source>
        <translation>Examens Draft Compare (*.dcreview);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>Cannot open this review</source>
        <translation>Impossible d’ouvrir cet examen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="217"/>
        <source>{draft} ↔ {adopted}</source>
        <translation>{draft} ↔ {adopted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219"/>
        <source>{pair} — resolution {number}</source>
        <translation>{pair} — résolution {number}</translation>
    </message>
    <message>
        <source>Draft Compare — {draft} ↔ {adopted}</source>
        <translation type="vanished">Draft Compare — {draft} ↔ {adopted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="242"/>
        <source>Now drop the adopted text</source>
        <translation>Déposez maintenant le texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="243"/>
        <source>Now drop the draft</source>
        <translation>Déposez maintenant le projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Comparing</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="268"/>
        <source>Cannot compare these files</source>
        <translation>Impossible de comparer ces fichiers</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="283"/>
        <source>Changes ({n})</source>
        <translation>Modifications ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="284"/>
        <source>Findings ({n})</source>
        <translation>Constats ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="18"/>
        <source>Recover notes</source>
        <translation>Récupérer les notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="19"/>
        <source>Draft Compare ended before it could save {n} note(s) on these documents. Restore them?</source>
        <translation>Draft Compare s’est arrêté avant d’enregistrer {n} note(s) sur ces documents. Les restaurer ?</translation>
    </message>
    <message>
        <source>{task}: cancelled</source>
        <translation type="vanished">{task} : annulé</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="vanished">Annulation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="340"/>
        <source>No further change</source>
        <translation>Aucune modification suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="344"/>
        <source>No earlier change</source>
        <translation>Aucune modification précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="132"/>
        <source>No findings</source>
        <translation>Aucun constat</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="140"/>
        <source>No further finding</source>
        <translation>Aucun constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/findings_panel.py" line="141"/>
        <source>No earlier finding</source>
        <translation>Aucun constat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="379"/>
        <source>Log file: {path}</source>
        <translation>Journal technique : {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="380"/>
        <source>No log file is being written (its folder: {folder})</source>
        <translation>Aucun journal technique n’est écrit (son dossier : {folder})</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="382"/>
        <source>Draft Compare {version}</source>
        <translation>Draft Compare {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="395"/>
        <source>Keys</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="398"/>
        <source>About Draft Compare</source>
        <translation>À propos de Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="383"/>
        <source>Draft Compare: a draft resolution beside the adopted text, aligned paragraph by paragraph, with word changes, moves and cross-language checks.</source>
        <translation>Draft Compare : un projet de résolution à côté du texte adopté, aligné paragraphe par paragraphe, avec les modifications de mots, les déplacements et les vérifications entre langues.</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="77"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="78"/>
        <source>Open a draft and an adopted text</source>
        <translation>Ouvrir un projet et un texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="79"/>
        <source>Open re&amp;view…</source>
        <translation>Ouvrir un e&amp;xamen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="81"/>
        <source>Open a saved review (.dcreview) with its two documents</source>
        <translation>Ouvrir un examen enregistré (.dcreview) avec ses deux documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="82"/>
        <source>Open &amp;trail…</source>
        <translation>Ouvrir l’&amp;historique de la négociation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="84"/>
        <source>Open 2 to 10 versions of one resolution as a negotiation trail</source>
        <translation>Ouvrir de 2 à 10 versions d’une même résolution comme historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="85"/>
        <source>Save review &amp;as…</source>
        <translation>Enregistrer l’examen &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="87"/>
        <source>Keep the notes of this pair in a file of your choice</source>
        <translation>Conserver les notes sur ces documents dans le fichier de votre choix</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="88"/>
        <source>S&amp;wap sides</source>
        <translation>&amp;Inverser les côtés</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="89"/>
        <source>Compare the other way round</source>
        <translation>Comparer dans l’autre sens</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="90"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="91"/>
        <source>Read both files again and compare</source>
        <translation>Relire les deux fichiers et comparer</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="93"/>
        <source>Quit Draft Compare</source>
        <translation>Quitter Draft Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="94"/>
        <source>&amp;Next change</source>
        <translation>Modification &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="95"/>
        <source>Go to the next change</source>
        <translation>Aller à la modification suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="96"/>
        <source>&amp;Previous change</source>
        <translation>Modification &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="97"/>
        <source>Go to the previous change</source>
        <translation>Aller à la modification précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="98"/>
        <source>Next &amp;finding</source>
        <translation>&amp;Constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="99"/>
        <source>Go to the next finding</source>
        <translation>Aller au constat suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="100"/>
        <source>Previous f&amp;inding</source>
        <translation>C&amp;onstat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="102"/>
        <source>Go to the previous finding</source>
        <translation>Aller au constat précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="103"/>
        <source>&amp;Changed paragraphs only</source>
        <translation>&amp;Paragraphes modifiés seulement</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="105"/>
        <source>Hide paragraphs that did not change</source>
        <translation>Masquer les paragraphes inchangés</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="106"/>
        <source>Include &amp;header and footer changes</source>
        <translation>Inclure les modifications d’en-&amp;tête et de pied de page</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="108"/>
        <source>Let F8 stop on changes of the header block, title, meeting lines and footer</source>
        <translation>F8 s’arrête aussi sur les modifications de l’en-tête, du titre, des indications de séance et du pied de page</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="118"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="120"/>
        <source>Show your notes</source>
        <translation>Afficher vos notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="121"/>
        <source>Histor&amp;y</source>
        <translation>Histori&amp;que</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="123"/>
        <source>Show the paragraph's history along the trail</source>
        <translation>Afficher l’historique du paragraphe au fil de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="124"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="125"/>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="126"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="127"/>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="128"/>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;normal</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="129"/>
        <source>Default text size</source>
        <translation>Taille de texte par défaut</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="338"/>
        <source>Notes: in your profile</source>
        <translation>Notes : dans votre profil</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="339"/>
        <source>Notes: beside the adopted text</source>
        <translation>Notes : à côté du texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="340"/>
        <source>Notes: {name}</source>
        <translation>Notes : {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="342"/>
        <source>Your notes on this pair are kept in {path} (File &gt; Save review as… to keep them elsewhere)</source>
        <translation>Vos notes sur ces documents sont conservées dans {path} (Fichier &gt; Enregistrer l’examen sous… pour les conserver ailleurs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="355"/>
        <source>(version unknown)</source>
        <translation>(version inconnue)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="371"/>
        <source>Open a recent pair</source>
        <translation>Ouvrir une comparaison récente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="404"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="110"/>
        <source>Side &amp;panel</source>
        <translation>&amp;Panneau latéral</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="111"/>
        <source>Show or hide the changes and findings</source>
        <translation>Afficher ou masquer les modifications et constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="112"/>
        <source>C&amp;hanges</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="114"/>
        <source>Show the list of changes</source>
        <translation>Afficher la liste des modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="115"/>
        <source>Fin&amp;dings</source>
        <translation>&amp;Constats</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="117"/>
        <source>Show the findings of the cross-check</source>
        <translation>Afficher les constats de la vérification</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="130"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="131"/>
        <source>Find in both texts</source>
        <translation>Rechercher dans les deux textes</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="132"/>
        <source>Find ne&amp;xt</source>
        <translation>Rechercher le &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="133"/>
        <source>Find the next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="134"/>
        <source>Find pre&amp;vious</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="136"/>
        <source>Find the previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="137"/>
        <source>&amp;Options…</source>
        <translation>&amp;Options…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="138"/>
        <source>Comparison options, palette, author</source>
        <translation>Options de comparaison, couleurs, auteur</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="139"/>
        <source>&amp;Legend</source>
        <translation>&amp;Légende</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="140"/>
        <source>What the colours and marks mean</source>
        <translation>Ce que signifient les couleurs et les marques</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="141"/>
        <source>&amp;About Draft Compare</source>
        <translation>À &amp;propos de Draft Compare</translation>
    </message>
    <message>
        <source>About this program</source>
        <translation type="vanished">À propos de ce programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="143"/>
        <source>Open &amp;last export</source>
        <translation>Ouvrir la &amp;dernière exportation</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="145"/>
        <source>Open the file exported last in its usual application</source>
        <translation>Ouvrir le dernier fichier exporté dans son application habituelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="183"/>
        <location filename="../../app/ui/menus.py" line="192"/>
        <source>Export {title}</source>
        <translation>Exporter {title}</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="196"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="219"/>
        <source>Open &amp;recent</source>
        <translation>Ouverts &amp;récemment</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="223"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="199"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="142"/>
        <source>About this program, its version and its keys</source>
        <translation>À propos de ce programme, de sa version et de ses raccourcis</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="200"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="205"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="234"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="287"/>
        <source>Reading notes</source>
        <translation>Remarques de lecture</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="290"/>
        <source>Where the notes are kept</source>
        <translation>Où les notes sont conservées</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="294"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="296"/>
        <source>Stop the running comparison</source>
        <translation>Arrêter la comparaison en cours</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="35"/>
        <location filename="../../app/ui/notes_panel.py" line="87"/>
        <source>No paragraph selected</source>
        <translation>Aucun paragraphe choisi</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="37"/>
        <source>Your note on this paragraph (saved automatically)</source>
        <translation>Votre note sur ce paragraphe (enregistrée automatiquement)</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="38"/>
        <source>Reviewer's note</source>
        <translation>Note du réviseur</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="39"/>
        <source>&amp;Checked</source>
        <translation>&amp;Vérifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="40"/>
        <source>Mark this change as checked</source>
        <translation>Marquer cette modification comme vérifiée</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="44"/>
        <source>All notes of this review</source>
        <translation>Toutes les notes de cet examen</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="48"/>
        <source>Notes that could not be placed</source>
        <translation>Notes non replacées</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="49"/>
        <source>Notes that could not be placed:</source>
        <translation>Notes non replacées :</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="54"/>
        <source>Where the notes are kept</source>
        <translation>Où les notes sont conservées</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="55"/>
        <source>Save review &amp;as…</source>
        <translation>Enregistrer l’examen &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="56"/>
        <source>Save the review in a file of your choice</source>
        <translation>Enregistrer l’examen dans le fichier de votre choix</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="86"/>
        <source>Note on {0}</source>
        <translation>Note sur {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="103"/>
        <source>Checked</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="105"/>
        <source>All notes ({n}):</source>
        <translation>Toutes les notes ({n}) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/notes_panel.py" line="106"/>
        <source>No notes yet.</source>
        <translation>Aucune note pour l’instant.</translation>
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
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <location filename="../../app/ui/open_dialog.py" line="27"/>
        <source>&amp;Adopted text:</source>
        <translation>&amp;Texte adopté :</translation>
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
        <location filename="../../app/core/options.py" line="47"/>
        <source>Ignore &amp;case</source>
        <translation>Ignorer la &amp;casse</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="49"/>
        <source>Ignore &amp;punctuation</source>
        <translation>Ignorer la &amp;ponctuation</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="51"/>
        <source>Ignore paragraph &amp;labels and numbering</source>
        <translation>Ignorer les &amp;étiquettes et la numérotation</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="54"/>
        <source>Treat all &amp;spaces alike (tabs, no-break spaces)</source>
        <translation>Traiter tous les &amp;espaces de la même façon (tabulations, espaces insécables)</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="56"/>
        <source>Treat all &amp;quote styles alike (’ ' “ ” « »)</source>
        <translation>Traiter tous les &amp;guillemets de la même façon (’ ' “ ” « »)</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="58"/>
        <source>Ignore &amp;formatting (bold, italic, underline)</source>
        <translation>Ignorer la &amp;mise en forme (gras, italique, soulignement)</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="62"/>
        <source>Automatic (when languages differ)</source>
        <translation>Automatique (langues différentes)</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="63"/>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="64"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="18"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="22"/>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../app/core/options.py" line="60"/>
        <source>Cross-language &amp;mode:</source>
        <translation>Mode &amp;bilingue :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="43"/>
        <source>Display and export</source>
        <translation>Affichage et exportation</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="49"/>
        <source>Colour &amp;palette:</source>
        <translation>&amp;Couleurs :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="52"/>
        <source>&amp;Author of tracked changes:</source>
        <translation>&amp;Auteur des modifications suivies :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="54"/>
        <source>&amp;Deleted words colour:</source>
        <translation>Couleur des mots &amp;supprimés :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="54"/>
        <source>&amp;Inserted words colour:</source>
        <translation>Couleur des mots &amp;insérés :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="56"/>
        <source>palette colour, or #rrggbb</source>
        <translation>couleur de la palette, ou #rrggbb</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="62"/>
        <source>Text &amp;font:</source>
        <translation>&amp;Police du texte :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="65"/>
        <source>System size</source>
        <translation>Taille du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="68"/>
        <source>Text si&amp;ze:</source>
        <translation>&amp;Taille du texte :</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="70"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_dialog.py" line="73"/>
        <source>Interface &amp;language (after restart):</source>
        <translation>&amp;Langue de l’interface (au prochain démarrage) :</translation>
    </message>
</context>
<context>
    <name>OverviewBar</name>
    <message>
        <location filename="../../widgets/overview_bar.py" line="19"/>
        <source>Overview of changes: click to jump</source>
        <translation>Vue d’ensemble : cliquez pour y aller</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="21"/>
        <source>Reading draft</source>
        <translation>Lecture du projet</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="21"/>
        <source>Reading adopted text</source>
        <translation>Lecture du texte adopté</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="22"/>
        <source>Aligning paragraphs</source>
        <translation>Alignement des paragraphes</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="22"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="24"/>
        <location filename="../../app/ui/trail_open.py" line="31"/>
        <source>Reading versions</source>
        <translation>Lecture des versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="24"/>
        <location filename="../../app/ui/trail_open.py" line="32"/>
        <source>Comparing versions</source>
        <translation>Comparaison des versions</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../../app/ui/review_session.py" line="159"/>
        <source>{0}: {1}; it is left as it is and your notes will be kept elsewhere.</source>
        <translation>{0} : {1} ; il est laissé tel quel et vos notes seront conservées ailleurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="164"/>
        <source>the review file could not be read ({0})</source>
        <translation>le fichier d’examen ne peut pas être lu ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="170"/>
        <source>the damaged review file cannot be moved aside ({0})</source>
        <translation>le fichier d’examen endommagé ne peut pas être mis de côté ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="171"/>
        <source>{0}: {1}; it cannot be moved aside, so your notes will be kept elsewhere.</source>
        <translation>{0} : {1} ; il ne peut pas être mis de côté : vos notes seront donc conservées ailleurs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="174"/>
        <source>{0}: {1}; it was kept as {2} and a new review started.</source>
        <translation>{0} : {1} ; il a été conservé sous {2} et un nouvel examen a commencé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="185"/>
        <source>Unsaved notes were not restored; they are kept in {0}.</source>
        <translation>Les notes non enregistrées n’ont pas été restaurées ; elles sont conservées dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="188"/>
        <source>Unsaved notes were not restored; they stay in {0}.</source>
        <translation>Les notes non enregistrées n’ont pas été restaurées ; elles restent dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="200"/>
        <source>Notes recovered from a session that ended unexpectedly.</source>
        <translation>Notes récupérées d’une session interrompue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="333"/>
        <source>Notes are now kept in {0}.</source>
        <translation>Les notes sont désormais conservées dans {0}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="337"/>
        <source>{0}: notes cannot be saved ({1}); they stay open in this window: use “Save review as…”.</source>
        <translation>{0} : les notes ne peuvent pas être enregistrées ({1}) ; elles restent ouvertes dans cette fenêtre : utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="418"/>
        <source>Notes cannot be saved in {0}: {1}. Use “Save review as…”.</source>
        <translation>Les notes ne peuvent pas être enregistrées dans {0} : {1}. Utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <source>Notes cannot be saved ({0}); they stay open in this window: use “Save review as…”.</source>
        <translation type="vanished">Les notes ne peuvent pas être enregistrées ({0}) ; elles restent ouvertes dans cette fenêtre : utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="351"/>
        <source>Save review as</source>
        <translation>Enregistrer l’examen sous</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="352"/>
        <location filename="../../app/ui/review_session.py" line="367"/>
        <source>Draft Compare reviews (*.dcreview)</source>
        <translation>Examens Draft Compare (*.dcreview)</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="358"/>
        <source>the file chosen cannot be written</source>
        <translation>le fichier choisi ne peut pas être écrit</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="366"/>
        <source>Where should the review be kept? Its folder cannot be written ({0})</source>
        <translation>Où conserver l’examen ? Son dossier n’est pas accessible en écriture ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="411"/>
        <source>{0}; your notes are in the journal and are saved shortly.</source>
        <translation>{0} ; vos notes sont dans le journal et seront enregistrées sous peu.</translation>
    </message>
    <message>
        <source>Notes cannot be saved: {0}. Use “Save review as…”.</source>
        <translation type="vanished">Les notes ne peuvent pas être enregistrées : {0}. Utilisez « Enregistrer l’examen sous… ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="421"/>
        <source>Notes are kept in {0}</source>
        <translation>Notes conservées dans {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="440"/>
        <source>Notes not saved yet: {0}; they are kept in the journal and offered next time.</source>
        <translation>Notes pas encore enregistrées : {0} ; elles sont conservées dans le journal et proposées la prochaine fois.</translation>
    </message>
    <message>
        <source>The review file could not be read ({0}); it was kept as {1}.</source>
        <translation type="vanished">Le fichier d’examen n’a pas pu être lu ({0}) ; il a été conservé sous le nom {1}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/review_session.py" line="93"/>
        <source>{0} note(s) could not be placed on the changed documents; they are listed in the Notes panel.</source>
        <translation>{0} note(s) n’ont pas pu être replacées sur les documents modifiés ; elles figurent dans le panneau Notes.</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../app/ui/sheet_print.py" line="84"/>
        <source>Comparison sheet — print preview</source>
        <translation>Tableau comparatif — aperçu avant impression</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../app/ui/status.py" line="28"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="41"/>
        <source>%n with findings</source>
        <translation><numerusform>%n avec constats</numerusform><numerusform>%n avec constats</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="43"/>
        <source>%n changed</source>
        <translation><numerusform>%n modifié</numerusform><numerusform>%n modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="44"/>
        <source>%n inserted</source>
        <translation><numerusform>%n inséré</numerusform><numerusform>%n insérés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="45"/>
        <source>%n deleted</source>
        <translation><numerusform>%n supprimé</numerusform><numerusform>%n supprimés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="46"/>
        <source>%n moved</source>
        <translation><numerusform>%n déplacé</numerusform><numerusform>%n déplacés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="48"/>
        <source>%n split/merged</source>
        <translation><numerusform>%n scindé/fusionné</numerusform><numerusform>%n scindés/fusionnés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="51"/>
        <source>%n word changed</source>
        <translation><numerusform>%n mot modifié</numerusform><numerusform>%n mots modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="52"/>
        <source>%n words changed</source>
        <translation><numerusform>%n mot modifié</numerusform><numerusform>%n mots modifiés</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="55"/>
        <source>%n finding</source>
        <translation><numerusform>%n constat</numerusform><numerusform>%n constats</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="56"/>
        <source>%n findings</source>
        <translation><numerusform>%n constat</numerusform><numerusform>%n constats</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="58"/>
        <source>Languages: {draft} → {adopted}</source>
        <translation>Langues : {draft} → {adopted}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="60"/>
        <source>Draft in {draft} ({draft_sure} sure), adopted text in {adopted} ({adopted_sure} sure)</source>
        <translation>Projet en {draft} (sûr à {draft_sure}), texte adopté en {adopted} (sûr à {adopted_sure})</translation>
    </message>
    <message>
        <source>Draft in {draft}, adopted text in {adopted} (detected)</source>
        <translation type="vanished">Projet en {draft}, texte adopté en {adopted} (détecté)</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="65"/>
        <source>Cross-language</source>
        <translation>Bilingue</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="66"/>
        <source>The texts are in different languages: paragraphs are aligned and their figures, dates and symbols checked; no word changes are shown</source>
        <translation>Les textes sont en langues différentes : les paragraphes sont alignés et leurs chiffres, dates et cotes vérifiés ; aucune modification de mots n’est affichée</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="70"/>
        <source>Same-language</source>
        <translation>Même langue</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="71"/>
        <source>Both texts are in the same language: word changes are shown</source>
        <translation>Les deux textes sont dans la même langue : les modifications de mots sont affichées</translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="74"/>
        <source>Paragraphs changed, inserted, deleted and moved; words changed; findings of the checks</source>
        <translation>Paragraphes modifiés, insérés, supprimés et déplacés ; mots modifiés ; constats des vérifications</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/status.py" line="78"/>
        <source>⚠ %n reading note(s)</source>
        <translation><numerusform>⚠ %n remarque de lecture</numerusform><numerusform>⚠ %n remarques de lecture</numerusform></translation>
    </message>
    <message>
        <location filename="../../app/ui/status.py" line="79"/>
        <source>What was read only in part, or read in a particular way:</source>
        <translation>Ce qui n’a été lu qu’en partie, ou lu d’une manière particulière :</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="63"/>
        <source>{task}: cancelled</source>
        <translation>{task} : annulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="86"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>TrailDialog</name>
    <message>
        <location filename="../../app/ui/trail_open.py" line="77"/>
        <source>Open negotiation trail</source>
        <translation>Ouvrir l’historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="80"/>
        <source>The versions of one resolution, oldest first (zero draft first, adopted text last): {low} to {high}. Double-click a name to change it.</source>
        <translation>Les versions d’une même résolution, de la plus ancienne à la plus récente (avant-projet en premier, texte adopté en dernier) : de {low} à {high}. Double-cliquez sur un nom pour le modifier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="86"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="86"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="92"/>
        <source>Versions of the trail, in order</source>
        <translation>Versions de l’historique, dans l’ordre</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="97"/>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="98"/>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="99"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="99"/>
        <source>Move do&amp;wn</source>
        <translation>D&amp;escendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="100"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="191"/>
        <source>Choose the versions</source>
        <translation>Choisir les versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="199"/>
        <source>Choose the folder of the versions</source>
        <translation>Choisir le dossier des versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_open.py" line="219"/>
        <source>A trail has {low} to {high} versions, not {n}.</source>
        <translation>Un historique de la négociation compte de {low} à {high} versions, et non {n}.</translation>
    </message>
</context>
<context>
    <name>TrailSession</name>
    <message>
        <location filename="../../app/ui/trail_session.py" line="59"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="98"/>
        <location filename="../../app/ui/trail_session.py" line="103"/>
        <source>Cannot open this trail</source>
        <translation>Impossible d’ouvrir cet historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="101"/>
        <source>Opening the trail</source>
        <translation>Ouverture de l’historique de la négociation</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="125"/>
        <source>Negotiation trail: {n} versions ({names})</source>
        <translation>Historique de la négociation : {n} versions ({names})</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="181"/>
        <source>Cannot compare these versions</source>
        <translation>Impossible de comparer ces versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="185"/>
        <source>Comparing versions</source>
        <translation>Comparaison des versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="206"/>
        <source>{first} → {second} — negotiation trail of {n} versions</source>
        <translation>{first} → {second} — historique de la négociation ({n} versions)</translation>
    </message>
    <message>
        <location filename="../../app/ui/trail_session.py" line="247"/>
        <source>This paragraph is in neither {first} nor {second}</source>
        <translation>Ce paragraphe ne figure ni dans {first} ni dans {second}</translation>
    </message>
</context>
<context>
    <name>VersionBar</name>
    <message>
        <location filename="../../widgets/version_bar.py" line="29"/>
        <source>Ve&amp;rsions:</source>
        <translation>Ve&amp;rsions :</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="46"/>
        <source>Version shown as the draft</source>
        <translation>Version affichée comme projet</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="47"/>
        <source>Version shown as the adopted text</source>
        <translation>Version affichée comme texte adopté</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="48"/>
        <source>Show the previous round (a version against the one before it)</source>
        <translation>Afficher le tour précédent (une version comparée à la précédente)</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="49"/>
        <source>Show the next round (a version against the one after it)</source>
        <translation>Afficher le tour suivant (une version comparée à la suivante)</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="50"/>
        <source>Previous round</source>
        <translation>Tour précédent</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="51"/>
        <source>Next round</source>
        <translation>Tour suivant</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="142"/>
        <source>round {k} of {n}</source>
        <translation>tour {k} sur {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="144"/>
        <source>later version shown as the draft</source>
        <translation>version ultérieure affichée comme projet</translation>
    </message>
    <message>
        <location filename="../../widgets/version_bar.py" line="146"/>
        <source>{n} rounds apart</source>
        <translation>{n} tours d’écart</translation>
    </message>
</context>
</TS>