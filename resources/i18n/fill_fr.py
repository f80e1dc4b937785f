"""Fill French translations into draftcompare_fr.ts after `pyside6-lupdate` (`make i18n-update` runs both
when strings change):

    .venv/bin/pyside6-lupdate app/ui/*.py widgets/*.py app/core/options.py -ts resources/i18n/draftcompare_fr.ts
    .venv/bin/python resources/i18n/fill_fr.py

Strings missing here stay "unfinished" and show in English; the .ts file is the committed source.
French typography is set here, once: a narrow no-break space (U+202F) before : ; ! ? and inside « »,
as in the deliverables (app.core.messages); write the translations below with ordinary spaces.
"""
import re
from pathlib import Path

from lxml import etree

FR = {
    'Log file: {path}':
    'Journal technique : {path}',
    'No log file is being written (its folder: {folder})':
    'Aucun journal technique n’est écrit (son dossier : {folder})',
    '{title}: {name}':
    '{title} : {name}',
    'Where the notes are kept':
    'Où les notes sont conservées',
    'Save review &as…':
    'Enregistrer l’examen &sous…',
    'Save the review in a file of your choice':
    'Enregistrer l’examen dans le fichier de votre choix',
    '{0}: {1}; it is left as it is and your notes will be kept elsewhere.':
    '{0} : {1} ; il est laissé tel quel et vos notes seront conservées ailleurs.',
    'the review file could not be read ({0})':
    'le fichier d’examen ne peut pas être lu ({0})',
    'the damaged review file cannot be moved aside ({0})':
    'le fichier d’examen endommagé ne peut pas être mis de côté ({0})',
    '{0}: {1}; it cannot be moved aside, so your notes will be kept elsewhere.':
    '{0} : {1} ; il ne peut pas être mis de côté : vos notes seront donc conservées ailleurs.',
    '{0}: {1}; it was kept as {2} and a new review started.':
    '{0} : {1} ; il a été conservé sous {2} et un nouvel examen a commencé.',
    'Unsaved notes were not restored; they stay in {0}.':
    'Les notes non enregistrées n’ont pas été restaurées ; elles restent dans {0}.',
    'Notes are now kept in {0}.':
    'Les notes sont désormais conservées dans {0}.',
    'Notes cannot be saved ({0}); they stay open in this window: use “Save review as…”.':
    'Les notes ne peuvent pas être enregistrées ({0}) ; elles restent ouvertes dans cette fenêtre : utilisez « Enregistrer l’examen sous… ».',
    'Save review as':
    'Enregistrer l’examen sous',
    'Draft Compare reviews (*.dcreview)':
    'Examens Draft Compare (*.dcreview)',
    'the file chosen cannot be written':
    'le fichier choisi ne peut pas être écrit',
    'Where should the review be kept? Its folder cannot be written ({0})':
    'Où conserver l’examen ? Son dossier n’est pas accessible en écriture ({0})',
    '{0}; your notes are in the journal and are saved shortly.':
    '{0} ; vos notes sont dans le journal et seront enregistrées sous peu.',
    'Notes cannot be saved: {0}. Use “Save review as…”.':
    'Les notes ne peuvent pas être enregistrées : {0}. Utilisez « Enregistrer l’examen sous… ».',
    'Notes are kept in {0}':
    'Notes conservées dans {0}',
    'Notes not saved yet: {0}; they are kept in the journal and offered next time.':
    'Notes pas encore enregistrées : {0} ; elles sont conservées dans le journal et proposées la prochaine fois.',
    "Kind": "Type", "Label": "Étiquette", "Change": "Modification", "equal": "identique", "changed": "modifié",
    "inserted": "inséré", "deleted": "supprimé", "moved": "déplacé", "split": "scindé", "merged": "fusionné",
    "moved from {label}": "déplacé depuis {label}", "split into {n}": "scindé en {n}", "{n} merged": "{n} fusionnés",
    "(+{n} more)": "(+{n} autres)", "label changed": "étiquette modifiée", "Draft": "Projet",
    "Adopted text": "Texte adopté", "Adopted": "Adopté", "(none)": "(aucun)", "Red / green": "Rouge / vert",
    "Colour-blind safe (blue / orange)": "Adapté aux daltoniens (bleu / orange)", "High contrast": "Contraste élevé",
    "Drop the draft here": "Déposez le projet ici", "Drop the adopted text here": "Déposez le texte adopté ici",
    "inserted in the adopted text": "inséré dans le texte adopté", "deleted from the draft": "supprimé du projet",
    "&Tracked changes (.docx)…": "&Modifications suivies (.docx)…", "Word document (*.docx)": "Document Word (*.docx)",
    "&Annotated (.docx)…": "&Annoté (.docx)…", "Comparison sheet (&PDF)…": "Tableau comparatif (&PDF)…",
    "Comparison sheet (.&docx)…": "Tableau comparatif (.&docx)…", "Print pre&view…": "&Aperçu avant impression…",
    "P&rint…": "&Imprimer…", "Nothing to export: open a pair of documents first":
    "Rien à exporter : ouvrez d’abord deux documents", "Not available": "Non disponible",
    "Export {title}": "Exporter {title}", "Exporting {title}": "Exportation : {title}", "Saved {path}": "Enregistré : {path}",
    "Cannot export {title}": "Impossible d’exporter {title}", "Cannot print": "Impossible d’imprimer",
    "Find in both texts": "Rechercher dans les deux textes", "Match &case": "Respecter la &casse",
    "Previous": "Précédent", "Next": "Suivant", "Close (Esc)": "Fermer (Échap)", "Find:": "Rechercher :",
    "Not found": "Introuvable", "1 match": "1 occurrence", "{n} matches": "{n} occurrences",
    "Severity": "Gravité", "Finding": "Constat", "high": "élevée", "medium": "moyenne", "low": "faible",
    "info": "information", "document": "document", "Draft: {draft}": "Projet : {draft}", "Adopted: {adopted}":
    "Texte adopté : {adopted}", "Draft Compare": "Draft Compare", "Changes": "Modifications", "Findings": "Constats",
    "Notes": "Notes", "Now drop the adopted text": "Déposez maintenant le texte adopté",
    "Now drop the draft": "Déposez maintenant le projet", "Comparing": "Comparaison",
    "Cannot compare these files": "Impossible de comparer ces fichiers", "Changes ({n})": "Modifications ({n})",
    "Findings ({n})": "Constats ({n})", "{task}: cancelled": "{task} : annulé", "Cancelling…": "Annulation…",
    "No further change": "Aucune modification suivante", "No earlier change": "Aucune modification précédente",
    "No findings": "Aucun constat", "No further finding": "Aucun constat suivant",
    "No earlier finding": "Aucun constat précédent", "About Draft Compare": "À propos de Draft Compare",
    "&Open…": "&Ouvrir…", "Open a draft and an adopted text": "Ouvrir un projet et un texte adopté",
    "S&wap sides": "&Inverser les côtés", "Compare the other way round": "Comparer dans l’autre sens",
    "&Reload": "&Recharger", "Read both files again and compare": "Relire les deux fichiers et comparer",
    "&Quit": "&Quitter", "Quit Draft Compare": "Quitter Draft Compare", "&Next change": "Modification &suivante",
    "Go to the next change": "Aller à la modification suivante", "&Previous change": "Modification &précédente",
    "Go to the previous change": "Aller à la modification précédente", "Next &finding": "&Constat suivant",
    "Go to the next finding": "Aller au constat suivant", "Previous f&inding": "C&onstat précédent",
    "Go to the previous finding": "Aller au constat précédent",
    "&Changed paragraphs only": "&Paragraphes modifiés seulement",
    "Hide paragraphs that did not change": "Masquer les paragraphes inchangés", "Zoom &in": "Zoom &avant",
    "Larger text": "Texte plus grand", "Zoom &out": "Zoom a&rrière", "Smaller text": "Texte plus petit",
    "&Reset zoom": "Zoom &normal", "Default text size": "Taille de texte par défaut", "Side &panel": "&Panneau latéral",
    "Show or hide the changes and findings": "Afficher ou masquer les modifications et constats",
    "C&hanges": "&Modifications", "Show the list of changes": "Afficher la liste des modifications",
    "Fin&dings": "&Constats", "Show the findings of the cross-check": "Afficher les constats de la vérification",
    "&Find…": "&Rechercher…", "Find ne&xt": "Rechercher le &suivant", "Find the next match": "Occurrence suivante",
    "Find pre&vious": "Rechercher le &précédent", "Find the previous match": "Occurrence précédente",
    "&Options…": "&Options…", "Comparison options, palette, author": "Options de comparaison, couleurs, auteur",
    "&About Draft Compare": "À &propos de Draft Compare", "About this program": "À propos de ce programme",
    "&File": "&Fichier", "Open &recent": "Ouverts &récemment", "&Export": "&Exporter", "&Edit": "É&dition",
    "Reading notes": "Remarques de lecture",
    "formatting changed": "mise en forme modifiée",
    "Ignore &formatting (bold, italic, underline)": "Ignorer la &mise en forme (gras, italique, soulignement)",
    "What was read only in part, or read in a particular way:":
    "Ce qui n’a été lu qu’en partie, ou lu d’une manière particulière :",
    "&View": "&Affichage", "&Help": "&Aide", "Main": "Principale", "Cancel": "Annuler",
    "Stop the running comparison": "Arrêter la comparaison en cours", "No paragraph selected": "Aucun paragraphe choisi",
    "Your note on this paragraph (saved automatically)": "Votre note sur ce paragraphe (enregistrée automatiquement)",
    "Reviewer's note": "Note du réviseur", "&Checked": "&Vérifié", "Mark this change as checked":
    "Marquer cette modification comme vérifiée", "Notes that could not be placed": "Notes non replacées",
    "Notes that could not be placed:": "Notes non replacées :", "Note on {0}": "Note sur {0}",
    "Open draft and adopted text": "Ouvrir le projet et le texte adopté", "&Draft:": "&Projet :",
    "&Adopted text:": "&Texte adopté :", "Browse…": "Parcourir…", "S&wap": "&Inverser",
    "Exchange draft and adopted text": "Échanger projet et texte adopté", "Choose a file": "Choisir un fichier",
    "Ignore &case": "Ignorer la &casse", "Ignore &punctuation": "Ignorer la &ponctuation",
    "Ignore paragraph &labels and numbering": "Ignorer les &étiquettes et la numérotation",
    "Automatic (when languages differ)": "Automatique (langues différentes)", "Always": "Toujours", "Never": "Jamais",
    "Options": "Options", "Comparison": "Comparaison", "Cross-language &mode:": "Mode &bilingue :",
    "Display and export": "Affichage et exportation", "Colour &palette:": "&Couleurs :",
    "&Author of tracked changes:": "&Auteur des modifications suivies :",
    "Overview of changes: click to jump": "Vue d’ensemble : cliquez pour y aller", "Reading draft": "Lecture du projet",
    "Reading adopted text": "Lecture du texte adopté", "Aligning paragraphs": "Alignement des paragraphes",
    "Done": "Terminé", "Comparison sheet — print preview": "Tableau comparatif — aperçu avant impression",
    "unknown": "inconnue", "Cross-language": "Bilingue", "Same-language": "Même langue",
    "Languages: {draft} → {adopted}": "Langues : {draft} → {adopted}",
    "&Deleted words colour:": "Couleur des mots &supprimés :", "&Inserted words colour:": "Couleur des mots &insérés :",
    "palette colour, or #rrggbb": "couleur de la palette, ou #rrggbb",
    "Recover notes": "Récupérer les notes",
    "Draft Compare ended before it could save {n} note(s) on these documents. Restore them?":
    "Draft Compare s’est arrêté avant d’enregistrer {n} note(s) sur ces documents. Les restaurer ?",
    "Unsaved notes were not restored; they are kept in {0}.": "Les notes non enregistrées n’ont pas été restaurées ; elles sont conservées dans {0}.",
    "Notes recovered from a session that ended unexpectedly.": "Notes récupérées d’une session interrompue.",
    "Text &font:": "&Police du texte :", "Text si&ze:": "&Taille du texte :", "System size": "Taille du système",
    "System language": "Langue du système", "Interface &language (after restart):":
    "&Langue de l’interface (au prochain démarrage) :", "Notes": "Notes", "List of changes": "Liste des modifications",
    "Findings of the cross-check": "Constats de la vérification", "Changes, findings and notes":
    "Modifications, constats et notes", "Draft text": "Texte du projet", "Overview of changes":
    "Vue d’ensemble des modifications", "Click to jump to a change": "Cliquez pour aller à une modification",
    "The draft, deleted words struck through": "Le projet, mots supprimés barrés",
    "The adopted text, inserted words underlined": "Le texte adopté, mots insérés soulignés",
    "Links between aligned paragraphs": "Liens entre les paragraphes alignés",
    "moved here from {label} {arrow}": "déplacé ici depuis {label} {arrow}",
    "moved here from below {arrow}": "déplacé ici depuis plus bas {arrow}",
    "moved here from above {arrow}": "déplacé ici depuis plus haut {arrow}",
    "moved to {label} {arrow}": "déplacé vers {label} {arrow}", "moved down {arrow}": "déplacé plus bas {arrow}",
    "moved up {arrow}": "déplacé plus haut {arrow}", "PDF (*.pdf)": "PDF (*.pdf)",
    "{title} is not available in this version.": "{title} n’est pas disponible dans cette version.",
    "Find previous (Shift+F3)": "Occurrence précédente (Maj+F3)", "Find next (F3)": "Occurrence suivante (F3)",
    "{n} matches · in the draft": "{n} occurrences · dans le projet", "1 match · in the draft": "1 occurrence · dans le projet",
    "{n} matches · in the adopted text": "{n} occurrences · dans le texte adopté",
    "1 match · in the adopted text": "1 occurrence · dans le texte adopté",
    "Open review": "Ouvrir un examen", "Draft Compare reviews (*.dcreview);;All files (*)":
    "Examens Draft Compare (*.dcreview);;Tous les fichiers (*)", "Cannot open this review": "Impossible d’ouvrir cet examen",
    "Draft Compare — {draft} ↔ {adopted}": "Draft Compare — {draft} ↔ {adopted}",
    "Draft Compare: a draft resolution beside the adopted text, aligned paragraph by paragraph, with word changes, "
    "moves and cross-language checks.": "Draft Compare : un projet de résolution à côté du texte adopté, aligné "
    "paragraphe par paragraphe, avec les modifications de mots, les déplacements et les vérifications entre langues.",
    "Open re&view…": "Ouvrir un e&xamen…", "Open a saved review (.dcreview) with its two documents":
    "Ouvrir un examen enregistré (.dcreview) avec ses deux documents",
    "Documents (*.docx *.pdf *.odt *.html *.htm *.txt *.md);;Word documents (*.docx);;"
    "PDF documents (*.pdf);;OpenDocument text (*.odt);;Web pages (*.html *.htm);;Text files (*.txt *.md);;All files (*)":
    "Documents (*.docx *.pdf *.odt *.html *.htm *.txt *.md);;Documents Word (*.docx);;"
    "Documents PDF (*.pdf);;Textes OpenDocument (*.odt);;Pages Web (*.html *.htm);;Fichiers texte (*.txt *.md);;"
    "Tous les fichiers (*)",
    ".docx, .pdf, .odt, .html, .txt or .md": ".docx, .pdf, .odt, .html, .txt ou .md",
    "Treat all &spaces alike (tabs, no-break spaces)": "Traiter tous les &espaces de la même façon (tabulations, "
    "espaces insécables)",
    "Treat all &quote styles alike (’ ' “ ” « »)": "Traiter tous les &guillemets de la même façon (’ ' “ ” « »)",
    "The review file could not be read ({0}); it was kept as {1}.":
    "Le fichier d’examen n’a pas pu être lu ({0}) ; il a été conservé sous le nom {1}.",
    "{0} note(s) could not be placed on the changed documents; they are listed in the Notes panel.":
    "{0} note(s) n’ont pas pu être replacées sur les documents modifiés ; elles figurent dans le panneau Notes.",
    "Draft in {draft} ({draft_sure} sure), adopted text in {adopted} ({adopted_sure} sure)":
    "Projet en {draft} (sûr à {draft_sure}), texte adopté en {adopted} (sûr à {adopted_sure})",
    "The texts are in different languages: paragraphs are aligned and their figures, dates and symbols checked; "
    "no word changes are shown": "Les textes sont en langues différentes : les paragraphes sont alignés et leurs "
    "chiffres, dates et cotes vérifiés ; aucune modification de mots n’est affichée",
    "Both texts are in the same language: word changes are shown":
    "Les deux textes sont dans la même langue : les modifications de mots sont affichées",
    "Paragraphs changed, inserted, deleted and moved; words changed; findings of the checks":
    "Paragraphes modifiés, insérés, supprimés et déplacés ; mots modifiés ; constats des vérifications",
    "Open the exported file": "Ouvrir le fichier exporté", "Open {name}": "Ouvrir {name}",
    "{path} is no longer there": "{path} n’existe plus", "No application here opens {name}":
    "Aucune application de ce poste n’ouvre {name}", "Open &last export": "Ouvrir la &dernière exportation",
    "Open the file exported last in its usual application":
    "Ouvrir le dernier fichier exporté dans son application habituelle",
    # the catalogue names its own language: the window words findings and writes deliverables in it
    "en": "fr",
    "{0}: notes cannot be saved ({1}); they stay open in this window: use “Save review as…”.":
    "{0} : les notes ne peuvent pas être enregistrées ({1}) ; elles restent ouvertes dans cette fenêtre : "
    "utilisez « Enregistrer l’examen sous… ».",
    "Notes cannot be saved in {0}: {1}. Use “Save review as…”.":
    "Les notes ne peuvent pas être enregistrées dans {0} : {1}. Utilisez « Enregistrer l’examen sous… ».",
    # issue #16, the window (header and footer group, positions, notes' place and marks, legend, About)
    "Position": "Position",
    "Changes in the header block, title, meeting lines and footer; F8 passes them by unless View > Include "
    "header and footer changes is on": "Modifications de l’en-tête, du titre, des indications de séance et du "
    "pied de page ; F8 les passe, sauf si Affichage > Inclure l’en-tête et le pied de page est coché",
    "resolution {number}": "résolution {number}", "{pair} — resolution {number}": "{pair} — résolution {number}",
    "{draft} ↔ {adopted}": "{draft} ↔ {adopted}", "Draft Compare {version}": "Draft Compare {version}",
    "deleted words": "mots supprimés", "inserted words": "mots insérés", "changed paragraph": "paragraphe modifié",
    "moved paragraph": "paragraphe déplacé", "one side only": "d’un seul côté", "finding": "constat",
    "Words of the draft the adopted text no longer has (struck through)":
    "Mots du projet que le texte adopté n’a plus (barrés)",
    "Words the adopted text added (underlined)": "Mots ajoutés par le texte adopté (soulignés)",
    "A paragraph whose words changed; a band in the middle strip links its two sides":
    "Paragraphe dont les mots ont changé ; une bande dans la colonne centrale relie ses deux côtés",
    "A paragraph that moved; a dashed band links where it was to where it is":
    "Paragraphe déplacé ; une bande en pointillés relie son ancienne place à la nouvelle",
    "A paragraph inserted or deleted; the other side shows a hatched band saying so":
    "Paragraphe inséré ou supprimé ; l’autre côté le signale par une bande hachurée",
    "A figure, date or symbol that differs (wavy underline; the finding as tooltip)":
    "Chiffre, date ou cote qui diffère (soulignement ondulé ; le constat en info-bulle)",
    "Unchanged paragraphs hidden by “Changed paragraphs only”":
    "Paragraphes inchangés masqués par « Paragraphes modifiés seulement »",
    "In the margin and the list of changes: your note on this paragraph":
    "Dans la marge et la liste des modifications : votre note sur ce paragraphe",
    "In the margin and the list of changes: you marked this paragraph checked":
    "Dans la marge et la liste des modifications : vous avez marqué ce paragraphe comme vérifié",
    "Keys": "Raccourcis clavier", "(version unknown)": "(version inconnue)",
    "Keep the notes of this pair in a file of your choice":
    "Conserver les notes sur ces documents dans le fichier de votre choix",
    "Include &header and footer changes": "Inclure les modifications d’en-&tête et de pied de page",
    "Let F8 stop on changes of the header block, title, meeting lines and footer":
    "F8 s’arrête aussi sur les modifications de l’en-tête, du titre, des indications de séance et du pied de page",
    "&Notes": "&Notes", "Show your notes": "Afficher vos notes",
    "Notes: in your profile": "Notes : dans votre profil", "Notes: beside the adopted text":
    "Notes : à côté du texte adopté", "Notes: {name}": "Notes : {name}",
    "Your notes on this pair are kept in {path} (File > Save review as… to keep them elsewhere)":
    "Vos notes sur ces documents sont conservées dans {path} (Fichier > Enregistrer l’examen sous… pour les "
    "conserver ailleurs)",
    "Open a recent pair": "Ouvrir une comparaison récente", "Legend": "Légende", "&Legend": "&Légende",
    "What the colours and marks mean": "Ce que signifient les couleurs et les marques",
    "About this program, its version and its keys": "À propos de ce programme, de sa version et de ses raccourcis",
    "All notes of this review": "Toutes les notes de cet examen", "Checked": "Vérifié",
    "All notes ({n}):": "Toutes les notes ({n}) :", "No notes yet.": "Aucune note pour l’instant.",
    # -- the negotiation trail in the window (issue #19) --
    "Open &trail…": "Ouvrir l’&historique de la négociation…",
    "Open 2 to 10 versions of one resolution as a negotiation trail":
    "Ouvrir de 2 à 10 versions d’une même résolution comme historique de la négociation",
    "Histor&y": "Histori&que",
    "Show the paragraph's history along the trail": "Afficher l’historique du paragraphe au fil de la négociation",
    "Trail s&heet (PDF)…": "Tableau de l’&historique de la négociation (PDF)…",
    "C&umulative tracked changes (.docx)…": "Modifications s&uivies cumulées (.docx)…",
    "Trail (&JSON)…": "Historique de la négociation (&JSON)…", "JSON (*.json)": "JSON (*.json)",
    "Nothing to export: open a negotiation trail first":
    "Rien à exporter : ouvrez d’abord un historique de la négociation",
    "first version": "première version", "added": "ajouté", "unchanged": "inchangé", "dropped": "supprimé",
    "reintroduced": "réintroduit", "translated": "traduit", "not in this version": "absent de cette version",
    "moved and changed": "déplacé et modifié", "Which paragraphs to list": "Paragraphes à afficher",
    "&Show:": "&Afficher :", "Paragraph": "Paragraphe", "History": "Historique",
    "Paragraphs of the negotiation trail": "Paragraphes de l’historique de la négociation",
    "The paragraph in every version": "Le paragraphe dans chaque version",
    "Choose a paragraph to see it in every version": "Choisissez un paragraphe pour le voir dans chaque version",
    "All paragraphs": "Tous les paragraphes", "Changed since {version}": "Modifiés depuis {version}",
    "New against {version}": "Nouveaux par rapport à {version}", "{n} of {m} paragraphs": "{n} paragraphes sur {m}",
    "Reading versions": "Lecture des versions", "Comparing versions": "Comparaison des versions",
    "Open negotiation trail": "Ouvrir l’historique de la négociation",
    "The versions of one resolution, oldest first (zero draft first, adopted text last): {low} to {high}. "
    "Double-click a name to change it.":
    "Les versions d’une même résolution, de la plus ancienne à la plus récente (avant-projet en premier, texte "
    "adopté en dernier) : de {low} à {high}. Double-cliquez sur un nom pour le modifier.",
    "Name": "Nom", "File": "Fichier", "Versions of the trail, in order": "Versions de l’historique, dans l’ordre",
    "Add &files…": "Ajouter des &fichiers…", "Add f&older…": "Ajouter un &dossier…", "Move &up": "&Monter",
    "Move do&wn": "D&escendre", "&Remove": "&Retirer", "Choose the versions": "Choisir les versions",
    "Choose the folder of the versions": "Choisir le dossier des versions",
    "A trail has {low} to {high} versions, not {n}.":
    "Un historique de la négociation compte de {low} à {high} versions, et non {n}.",
    "Cannot open this trail": "Impossible d’ouvrir cet historique de la négociation",
    "Opening the trail": "Ouverture de l’historique de la négociation",
    "Negotiation trail: {n} versions ({names})": "Historique de la négociation : {n} versions ({names})",
    "Cannot compare these versions": "Impossible de comparer ces versions",
    "{first} → {second} — negotiation trail of {n} versions":
    "{first} → {second} — historique de la négociation ({n} versions)",
    "This paragraph is in neither {first} nor {second}": "Ce paragraphe ne figure ni dans {first} ni dans {second}",
    "Ve&rsions:": "Ve&rsions :", "Version shown as the draft": "Version affichée comme projet",
    "Version shown as the adopted text": "Version affichée comme texte adopté",
    "Show the previous round (a version against the one before it)":
    "Afficher le tour précédent (une version comparée à la précédente)",
    "Show the next round (a version against the one after it)":
    "Afficher le tour suivant (une version comparée à la suivante)",
    "Previous round": "Tour précédent", "Next round": "Tour suivant", "round {k} of {n}": "tour {k} sur {n}",
    "later version shown as the draft": "version ultérieure affichée comme projet",
    "{n} rounds apart": "{n} tours d’écart",
}
PLURALS = {"%n finding": ("%n constat", "%n constats"), "%n findings": ("%n constat", "%n constats"),
           "Header and footer: %n change": ("En-tête et pied de page\u202f: %n modification",
                                            "En-tête et pied de page\u202f: %n modifications"),
           "Header and footer: %n changes": ("En-tête et pied de page\u202f: %n modification",
                                             "En-tête et pied de page\u202f: %n modifications"),
           "%n word changed": ("%n mot modifié", "%n mots modifiés"),
           "%n words changed": ("%n mot modifié", "%n mots modifiés"),
           "%n with findings": ("%n avec constats", "%n avec constats"),
           "%n changed": ("%n modifié", "%n modifiés"), "%n inserted": ("%n inséré", "%n insérés"),
           "%n deleted": ("%n supprimé", "%n supprimés"), "%n moved": ("%n déplacé", "%n déplacés"),
           "%n split/merged": ("%n scindé/fusionné", "%n scindés/fusionnés"),
           "⚠ %n reading note(s)": ("⚠ %n remarque de lecture", "⚠ %n remarques de lecture")}



def typeset(text: str) -> str:
    """A narrow no-break space before : ; ! ? (not inside "*.docx;;" filters) and inside « »."""
    text = re.sub(r"[ \u00a0\u202f]+([:;!?])(?=\s|$|\))", "\u202f\\1", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«\u202f", text)
    return re.sub(r"[ \u00a0\u202f]*»", "\u202f»", text)


FR = {k: typeset(v) for k, v in FR.items()}
path = Path(__file__).with_name("draftcompare_fr.ts")
tree = etree.parse(str(path))
tree.getroot().set("language", "fr_FR")
done = 0
for message in tree.iter("message"):
    source = message.findtext("source")
    tr = message.find("translation")
    if tr.get("type") in ("vanished", "obsolete"):
        if source in FR:                # no longer in the sources: kept as lupdate left it, reworded
            tr.text = FR[source]
        continue
    if source in PLURALS:
        # PySide6's lupdate does not mark translate(ctx, text, "", n) as numerus; Qt picks the form by n.
        message.set("numerus", "yes")
        tr.text = None                  # lupdate may have left the singular as plain text
        for child in list(tr):
            tr.remove(child)
        for form in PLURALS[source]:
            etree.SubElement(tr, "numerusform").text = form
        tr.attrib.pop("type", None)
        done += 1
    elif source in FR:
        tr.text = FR[source]
        tr.attrib.pop("type", None)
        done += 1
tree.write(str(path), encoding="utf-8", xml_declaration=True)
print(f"{done} translated")
