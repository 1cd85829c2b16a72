"""English translations of demo pages, made with wagtail-localize like an editor would.

Keys are the German source strings (plain text), values their translation. The
knowledge section and one case study are translated; the rest of the demo stays German
so that both cases show: a page with a translation (the language switcher leads to it)
and one without (the switcher leads to the English home page).
"""

WISSEN = {
    "Wissen": "Knowledge",
    "wissen": "knowledge",
    "Praxisbeispiele und Learnings aus den Kommunen, filterbar nach Land, Kreis, "
    "Kommune und OZG-Themenfeld.": "Case studies and lessons learned from municipalities, "
    "to filter by federal state, district, municipality and OZG topic area.",
    "Praxisbeispiele und Learnings aus den Kommunen.": "Case studies and lessons learned "
    "from municipalities.",
}

CASE_STUDY_SLUG = "ravensburg-digitaler-bauantrag"

CASE_STUDY = {
    "Digitaler Bauantrag: vom Aktenstapel zur gemeinsamen Online-Akte": "Digital building "
    "permits: from stacks of files to one shared online file",
    "ravensburg-digitaler-bauantrag": "ravensburg-digital-building-permit",
    "Bauanträge kommen online, die Fachstellen nehmen digital Stellung und Bauherren sehen "
    "den Stand ihres Verfahrens. Die Baurechtsbehörde hat dafür zuerst ihre Abläufe und "
    "dann die Technik umgestellt.": "Building applications arrive online, the specialist "
    "departments comment digitally and applicants can see where their case stands. The "
    "building authority changed its processes first and the technology second.",
    "Fachverfahren Bauaufsicht mit XBau-Schnittstelle, Online-Antragsstrecke des "
    "Landesportals": "Building control software with an XBau interface, the online "
    "application of the state portal",
    "Eigenmittel und Landesförderung (Beispielangabe)": "Own funds and state funding (example)",
    "Die Antragsstrecke ist eine Landeslösung; nachnutzende Kommunen brauchen vor allem "
    "das Beteiligungsverfahren für die Fachstellen. Checklisten und Schulungsunterlagen "
    "gibt die Stadt gern weiter.": "The online application is a state solution; "
    "municipalities re-using it mainly need the consultation procedure for the specialist "
    "departments. The city is happy to share its checklists and training material.",
    "Ausgangslage": "Starting point",
    "Ein Bauantrag bestand aus mehreren Ordnern Papier, die in Kopie an Feuerwehr, "
    "Denkmalschutz, Tiefbau und weitere Fachstellen gingen. Jede Rückfrage verlängerte "
    "das Verfahren, und niemand hatte den vollständigen Überblick über den Stand.": "A "
    "building application consisted of several binders of paper, copies of which went to "
    "the fire service, heritage protection, civil engineering and other departments. Every "
    "query made the procedure longer, and nobody had a complete picture of where it stood.",
    "Umsetzung": "Implementation",
    "Die Baurechtsbehörde hat zunächst ihr Verfahren aufgenommen: Wer braucht welche "
    "Unterlagen, wann, in welcher Form? Danach wurde die Online-Antragsstrecke des Landes "
    "angebunden. Anträge kommen strukturiert über die XBau-Schnittstelle im Fachverfahren "
    "an; die Fachstellen nehmen in einem gemeinsamen digitalen Beteiligungsraum Stellung, "
    "statt Papier weiterzureichen.": "The building authority first mapped its procedure: "
    "who needs which documents, when, and in what form? Then the state's online "
    "application was connected. Applications arrive as structured data through the XBau "
    "interface; the departments comment in one shared digital consultation room instead "
    "of passing paper on.",
    "Architekturbüros wurden früh eingebunden. In zwei Informationsabenden zeigte das Team "
    "die neue Einreichung, Fragen flossen in eine Checkliste ein.": "Architects were "
    "involved early. At two information evenings the team showed the new way of "
    "submitting; their questions went into a checklist.",
    "Ergebnis": "Result",
    "Papieranträge sind die Ausnahme geworden. Die Sachbearbeitung arbeitet in einer Akte "
    "statt in Kopien, und Bauherren sehen im Portal, in welchem Schritt ihr Verfahren "
    "steht.": "Paper applications have become the exception. Case workers work in one file "
    "instead of copies, and applicants see in the portal which step their case has reached.",
    "Die Technik war nicht der schwierige Teil. Schwierig war, dass alle Fachstellen zur "
    "gleichen Zeit umstellen mussten.": "The technology was not the hard part. The hard "
    "part was that all departments had to switch at the same time.",
    "Tipps zum Nachmachen": "Tips for doing it yourself",
    "Beginnen Sie mit einer Bestandsaufnahme: Welche Fachstellen werden bei welchen "
    "Vorhaben beteiligt, und welche Unterlagen brauchen sie wirklich? Vereinbaren Sie "
    "einen gemeinsamen Starttermin mit allen Fachstellen, statt einzeln umzustellen. Laden "
    "Sie Architektur- und Ingenieurbüros früh ein; sie sind die häufigsten Antragstellenden "
    "und merken Schwächen der Antragsstrecke als Erste.": "Start with an inventory: which "
    "departments are consulted on which projects, and which documents do they really need? "
    "Agree on one start date with all departments instead of switching one by one. Invite "
    "architects and engineers early; they file most applications and are the first to "
    "notice weaknesses of the online application.",
}

CONTACT_ROLE = {"Sachgebietsleiterin Baurecht": "Head of Building Law"}
