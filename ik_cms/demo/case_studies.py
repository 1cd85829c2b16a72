"""Hand-written case studies: typical municipal projects, told generically.

The municipalities are real, the projects are plausible examples (see the footer of the
demo site): no statistics about the real towns, fictional contacts and quotes.
"""

from datetime import date

from .text import h, p, quote

CASE_STUDIES = [
    {
        "slug": "ravensburg-digitaler-bauantrag",
        "title": "Digitaler Bauantrag: vom Aktenstapel zur gemeinsamen Online-Akte",
        "municipality": "08436064",
        "leistungen": [10519, 10517],
        "status": "betrieb",
        "start_date": date(2019, 10, 1),
        "go_live_date": date(2021, 1, 15),
        "partners": ["datenwerk", "zv-it-suedwest"],
        "software": "Fachverfahren Bauaufsicht mit XBau-Schnittstelle, Online-Antragsstrecke "
        "des Landesportals",
        "effort_band": "50k-250k",
        "funding": "Eigenmittel und Landesförderung (Beispielangabe)",
        "reusability": "ja",
        "reuse_description": "<p>Die Antragsstrecke ist eine Landeslösung; nachnutzende "
        "Kommunen brauchen vor allem das Beteiligungsverfahren für die "
        "Fachstellen. Checklisten und Schulungsunterlagen gibt die "
        "Stadt gern weiter.</p>",
        "reused_by": ["08436008"],
        "contact": "ravensburg-bau",
        "teaser_text": "Bauanträge kommen online, die Fachstellen nehmen digital Stellung und "
        "Bauherren sehen den Stand ihres Verfahrens. Die Baurechtsbehörde hat "
        "dafür zuerst ihre Abläufe und dann die Technik umgestellt.",
        "body": [
            h("Ausgangslage"),
            p(
                "Ein Bauantrag bestand aus mehreren Ordnern Papier, die in Kopie an Feuerwehr, "
                "Denkmalschutz, Tiefbau und weitere Fachstellen gingen. Jede Rückfrage "
                "verlängerte das Verfahren, und niemand hatte den vollständigen Überblick über "
                "den Stand."
            ),
            h("Umsetzung"),
            p(
                "Die Baurechtsbehörde hat zunächst ihr Verfahren aufgenommen: Wer braucht welche "
                "Unterlagen, wann, in welcher Form? Danach wurde die Online-Antragsstrecke des "
                "Landes angebunden. Anträge kommen strukturiert über die XBau-Schnittstelle im "
                "Fachverfahren an; die Fachstellen nehmen in einem gemeinsamen digitalen "
                "Beteiligungsraum Stellung, statt Papier weiterzureichen.",
                "Architekturbüros wurden früh eingebunden. In zwei Informationsabenden zeigte "
                "das Team die neue Einreichung, Fragen flossen in eine Checkliste ein.",
            ),
            h("Ergebnis"),
            p(
                "Papieranträge sind die Ausnahme geworden. Die Sachbearbeitung arbeitet in "
                "einer Akte statt in Kopien, und Bauherren sehen im Portal, in welchem Schritt "
                "ihr Verfahren steht."
            ),
            quote(
                "Die Technik war nicht der schwierige Teil. Schwierig war, dass alle "
                "Fachstellen zur gleichen Zeit umstellen mussten.",
                "Julia Brenner",
            ),
        ],
    },
    {
        "slug": "ulm-smart-parking",
        "title": "Smart Parking: freie Stellplätze in Echtzeit und der Bewohnerparkausweis online",
        "municipality": "08421000",
        "leistungen": [10173],
        "status": "pilot",
        "start_date": date(2020, 3, 1),
        "go_live_date": date(2021, 4, 1),
        "partners": ["sensorik-sued"],
        "software": "Bodensensoren mit LoRaWAN-Funknetz, offene Parkdaten-Schnittstelle, "
        "Online-Antrag für den Bewohnerparkausweis",
        "effort_band": "50k-250k",
        "funding": "Förderprogramm für Modellprojekte (Beispielangabe)",
        "reusability": "teilweise",
        "reuse_description": "<p>Sensorik und Funknetz sind lokale Investitionen; die "
        "Datenschnittstelle und der Antragsprozess für "
        "Bewohnerparkausweise lassen sich direkt übernehmen.</p>",
        "contact": "ulm-parken",
        "teaser_text": "Sensoren melden freie Stellplätze in einem Innenstadtquartier, die "
        "Daten stehen offen zur Verfügung, und Anwohnende beantragen ihren "
        "Parkausweis online statt im Bürgerbüro.",
        "body": [
            h("Ausgangslage"),
            p(
                "Parksuchverkehr belastet die Innenstadt, und der Bewohnerparkausweis ließ sich "
                "nur persönlich mit Papiernachweisen beantragen."
            ),
            h("Umsetzung"),
            p(
                "In einem Pilotquartier wurden Stellplätze mit Bodensensoren ausgestattet, die "
                "über ein stromsparendes Funknetz melden, ob ein Platz frei ist. Die Daten "
                "fließen in eine offene Schnittstelle, die Navigations-Apps und die eigene "
                "Website nutzen. Gleichzeitig wurde der Antrag auf den Bewohnerparkausweis als "
                "Online-Dienst umgesetzt: Meldedaten werden mit Einwilligung automatisch "
                "geprüft, der Ausweis kommt per Post."
            ),
            h("Erfahrungen"),
            p(
                "Die Sensorik brauchte mehr Abstimmung mit Straßenreinigung und Winterdienst als "
                "gedacht. Der Online-Antrag dagegen lief schnell rund und entlastet das "
                "Bürgerbüro spürbar. Die Stadt prüft, ob der Pilot auf weitere Quartiere "
                "ausgeweitet wird."
            ),
        ],
    },
    {
        "slug": "villingen-schwenningen-buergerportal",
        "title": "Bürgerportal mit durchgängigen OZG-Antragsstrecken",
        "municipality": "08326074",
        "leistungen": [10559, 10160, 10112],
        "status": "ausgerollt",
        "start_date": date(2019, 5, 1),
        "go_live_date": date(2020, 11, 2),
        "partners": ["buergerservice-software", "zv-it-suedwest"],
        "software": "Bürgerportal mit Servicekonto-Anbindung, Formular-Baukasten, E-Payment",
        "effort_band": "50k-250k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Die Antragsstrecken sind im Formular-Baukasten des "
        "Dienstleisters hinterlegt und können von anderen Kommunen "
        "übernommen und angepasst werden.</p>",
        "reused_by": ["08326003", "08325045"],
        "contact": "vs-digital",
        "teaser_text": "Meldebescheinigung, Hundeanmeldung und Baumfällantrag laufen "
        "vollständig online: mit Servicekonto, Bezahlfunktion und Bescheid "
        "ins Postfach. Entscheidend war die Anbindung an die Fachverfahren.",
        "body": [
            h("Ausgangslage"),
            p(
                "Die Stadt hatte bereits Online-Formulare, doch die meisten endeten als PDF, das "
                "ausgedruckt und abgetippt wurde. Für Bürgerinnen und Bürger war nicht "
                "erkennbar, was danach geschah."
            ),
            h("Umsetzung"),
            p(
                "Das Projektteam hat sich auf wenige, häufig genutzte Leistungen konzentriert "
                "und diese von Anfang bis Ende digitalisiert: Anmeldung mit dem Servicekonto, "
                "Bezahlung online, Übergabe der Daten an das Fachverfahren und Bescheid ins "
                "Postfach des Servicekontos. Jede Antragsstrecke wurde mit Beschäftigten der "
                "Fachämter gebaut und vor dem Start mit Bürgerinnen und Bürgern getestet."
            ),
            h("Ergebnis"),
            p(
                "Die digitalen Anträge werden ohne Abtippen bearbeitet. Weitere Leistungen "
                "kommen schrittweise hinzu, immer nach demselben Muster: erst den Prozess "
                "klären, dann das Formular bauen."
            ),
            quote(
                "Lieber drei Leistungen, die wirklich durchgängig digital sind, als dreißig "
                "Formulare, die im Drucker enden.",
                "Miriam Faller",
            ),
        ],
    },
    {
        "slug": "stuttgart-briefwahl-online",
        "title": "Briefwahlunterlagen online beantragen",
        "municipality": "08111000",
        "leistungen": [10145],
        "status": "betrieb",
        "start_date": date(2020, 6, 1),
        "go_live_date": date(2021, 1, 10),
        "partners": ["datenwerk"],
        "software": "Online-Wahlscheinantrag mit Anbindung an das Wahlverfahren",
        "effort_band": "10k-50k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Das Verfahren ist ein Standardmodul des Wahlverfahrens; "
        "entscheidend sind Texte in einfacher Sprache und die "
        "Lastplanung vor dem Wahltag.</p>",
        "contact": "stuttgart-wahlen",
        "teaser_text": "Wahlberechtigte beantragen ihren Wahlschein mit den Angaben der "
        "Wahlbenachrichtigung online. Das Wahlamt hat Formular, Texte und "
        "Lastspitzen vor dem Wahltag gemeinsam geplant.",
        "body": [
            h("Ausgangslage"),
            p(
                "Vor Wahlen gehen in kurzer Zeit sehr viele Anträge auf Briefwahl ein. Anträge "
                "per Post oder E-Mail mussten von Hand erfasst werden."
            ),
            h("Umsetzung"),
            p(
                "Das Wahlamt hat den Online-Antrag mit dem Wahlverfahren verbunden: Die Angaben "
                "der Wahlbenachrichtigung genügen, die Daten werden direkt gegen das "
                "Wählerverzeichnis geprüft. Die Texte wurden in einfacher Sprache formuliert "
                "und mit Menschen getestet, die zum ersten Mal wählen. Vor der ersten Wahl mit "
                "dem neuen Verfahren wurde ein Lasttest gefahren."
            ),
            h("Ergebnis"),
            p(
                "Online-Anträge sind der häufigste Weg zur Briefwahl geworden. Das Wahlamt "
                "kann sich in der heißen Phase auf Sonderfälle konzentrieren."
            ),
        ],
    },
    {
        "slug": "herrenberg-terminvergabe-buergeramt",
        "title": "Online-Termine und Abholbenachrichtigung im Bürgeramt",
        "municipality": "08115021",
        "leistungen": [10119, 10177],
        "status": "betrieb",
        "start_date": date(2020, 4, 1),
        "go_live_date": date(2020, 9, 1),
        "partners": ["buergerservice-software"],
        "software": "Terminvergabe mit Aufrufsystem, SMS- und E-Mail-Benachrichtigung",
        "effort_band": "bis-10k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Die Terminvergabe ist ein Standardprodukt; übertragbar ist "
        "vor allem die Zuordnung von Anliegen zu Zeitfenstern.</p>",
        "contact": "herrenberg-buergeramt",
        "teaser_text": "Wer einen Personalausweis oder Reisepass beantragt, bucht online einen "
        "Termin mit passender Dauer und wird benachrichtigt, sobald das "
        "Dokument abholbereit ist.",
        "body": [
            h("Ausgangslage"),
            p(
                "Lange Wartezeiten im Bürgeramt und viele Nachfragen, ob ein Ausweis schon "
                "abgeholt werden kann, bestimmten den Alltag am Schalter."
            ),
            h("Umsetzung"),
            p(
                "Für jedes Anliegen wurde festgelegt, wie lange es typischerweise dauert und "
                "welche Unterlagen mitzubringen sind. Die Online-Terminvergabe bietet nur "
                "passende Zeitfenster an und erinnert an die Unterlagen. Ist ein Dokument "
                "eingetroffen, geht eine Nachricht per SMS oder E-Mail hinaus; die "
                "Einwilligung dazu wird beim Termin eingeholt."
            ),
            h("Ergebnis"),
            p(
                "Termine lassen sich besser planen, Nachfragen am Telefon sind seltener "
                "geworden. Spontane Vorsprachen bleiben zu festen Zeiten möglich, damit "
                "niemand ohne Internetzugang ausgeschlossen wird."
            ),
        ],
    },
    {
        "slug": "landkreis-boeblingen-wohngeld-digital",
        "title": "Wohngeld digital beantragen und bearbeiten",
        "municipality": "08115",
        "leistungen": [10092],
        "status": "betrieb",
        "start_date": date(2020, 10, 1),
        "go_live_date": date(2021, 5, 3),
        "partners": ["datenwerk", "zv-it-suedwest"],
        "software": "Online-Antrag (EfA-Lösung) mit Übergabe an das Wohngeld-Fachverfahren",
        "effort_band": "10k-50k",
        "funding": "EfA-Nachnutzung, Kosten für Anbindung und Schulung",
        "reusability": "ja",
        "reuse_description": "<p>Der Antrag ist eine EfA-Leistung; nachnutzende Behörden "
        "müssen vor allem die Übergabe an ihr Fachverfahren und die "
        "interne Nachweisprüfung klären.</p>",
        "contact": "boeblingen-wohngeld",
        "teaser_text": "Die Wohngeldbehörde des Landkreises nutzt den Online-Antrag aus dem "
        "Einer-für-Alle-Verfahren und hat die Nachweise so strukturiert, dass "
        "sie ohne Ausdruck geprüft werden können.",
        "body": [
            h("Ausgangslage"),
            p(
                "Wohngeldanträge sind umfangreich, und fehlende Nachweise führen zu vielen "
                "Rückfragen. Der Papierantrag war für viele Antragstellende schwer "
                "verständlich."
            ),
            h("Umsetzung"),
            p(
                "Der Landkreis hat den Online-Antrag eines anderen Landes nachgenutzt, statt "
                "einen eigenen zu bauen. Die eigentliche Arbeit lag in der Übergabe an das "
                "Fachverfahren: Antragsdaten kommen strukturiert an, Nachweise als benannte "
                "Anlagen. Die Sachbearbeitung wurde in kurzen Einheiten geschult."
            ),
            h("Ergebnis"),
            p(
                "Ein wachsender Teil der Anträge kommt online und vollständiger an als früher. "
                "Der Landkreis empfiehlt, die Nachweisprüfung vor dem Start gemeinsam mit der "
                "Sachbearbeitung neu zu ordnen, sonst wird am Ende doch wieder gedruckt."
            ),
        ],
    },
    {
        "slug": "kreis-hoexter-online-kfz-zulassung",
        "title": "Kfz-Zulassung online: Neuzulassung, Umschreibung und Abmeldung",
        "municipality": "05762",
        "leistungen": [10439, 10436],
        "status": "ausgerollt",
        "start_date": date(2020, 1, 15),
        "go_live_date": date(2020, 12, 1),
        "partners": ["it-niederrhein"],
        "software": "Internetbasierte Fahrzeugzulassung (i-Kfz) mit Anbindung an das "
        "Zulassungsverfahren",
        "effort_band": "10k-50k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>i-Kfz ist bundesweit verfügbar. Übertragbar sind die "
        "Öffentlichkeitsarbeit für Autohäuser und der Ablauf für den "
        "Versand von Plaketten und Dokumenten.</p>",
        "reused_by": ["05774", "05766"],
        "contact": "hoexter-kfz",
        "teaser_text": "Der Kreis bietet die internetbasierte Fahrzeugzulassung für Privat- "
        "und Geschäftskunden an. Autohäuser und Zulassungsdienste wurden früh "
        "eingebunden, der Versand der Unterlagen neu organisiert.",
        "body": [
            h("Ausgangslage"),
            p(
                "In einem Flächenkreis sind die Wege zur Zulassungsstelle weit. Viele "
                "Zulassungen laufen über Autohäuser, die feste Termine brauchen."
            ),
            h("Umsetzung"),
            p(
                "Das Straßenverkehrsamt hat die internetbasierte Zulassung Schritt für Schritt "
                "freigeschaltet: erst die Abmeldung, dann Umschreibung und Neuzulassung. "
                "Für Autohäuser gab es Informationsrunden und eine feste Ansprechperson. Der "
                "Versand von Plaketten und Zulassungsbescheinigungen wurde mit der Poststelle "
                "neu geregelt."
            ),
            h("Ergebnis"),
            p(
                "Online-Vorgänge sind selbstverständlich geworden, am Schalter bleibt mehr Zeit "
                "für schwierige Fälle. Benachbarte Kreise haben Vorlagen und Ablauf "
                "übernommen."
            ),
            quote(
                "Wir mussten nichts erfinden. Wir mussten nur den Mut haben, eine fertige "
                "Lösung wirklich einzuführen.",
                "Anna Lücking",
            ),
        ],
    },
    {
        "slug": "paderborn-kita-platzvergabe-online",
        "title": "Kita-Platzvergabe über ein gemeinsames Online-Portal",
        "municipality": "05774032",
        "leistungen": [10019],
        "status": "betrieb",
        "start_date": date(2019, 9, 1),
        "go_live_date": date(2020, 11, 15),
        "partners": ["datenwerk", "hochschule"],
        "software": "Kita-Portal mit Vormerkung, Platzangebot und Anbindung der freien Träger",
        "effort_band": "50k-250k",
        "funding": "Eigenmittel",
        "reusability": "teilweise",
        "reuse_description": "<p>Das Portal ist ein Produkt am Markt. Übertragbar sind die "
        "Vereinbarung mit den freien Trägern und die Ergebnisse der "
        "Nutzertests mit Eltern.</p>",
        "contact": "paderborn-kita",
        "teaser_text": "Eltern merken ihr Kind online bei mehreren Kitas vor, städtische und "
        "freie Träger arbeiten mit denselben Daten. Eltern haben das Portal "
        "vor dem Start getestet.",
        "body": [
            h("Ausgangslage"),
            p(
                "Eltern meldeten ihr Kind bei vielen Einrichtungen gleichzeitig an. Niemand "
                "wusste, wie viele Kinder tatsächlich einen Platz suchten, und Zusagen kamen "
                "spät und unkoordiniert."
            ),
            h("Umsetzung"),
            p(
                "Jugendamt und freie Träger haben sich auf gemeinsame Regeln für Vormerkung "
                "und Zusage geeinigt. Das Portal zeigt alle Einrichtungen mit ihren "
                "Besonderheiten; Eltern wählen ihre Wunsch-Kitas in einer Reihenfolge. Mit "
                "einer Hochschule wurden Nutzertests mit Eltern durchgeführt, die das Portal "
                "ohne Anleitung bedienen sollten."
            ),
            h("Ergebnis"),
            p(
                "Die Bedarfsplanung beruht auf echten Vormerkungen statt Schätzungen, "
                "Doppelzusagen sind selten geworden. Die Nutzertests führten zu einfacheren "
                "Texten und einer kürzeren Vormerkung."
            ),
        ],
    },
    {
        "slug": "rhein-kreis-neuss-e-akte-auslaenderbehoerde",
        "title": "E-Akte in der Ausländerbehörde",
        "municipality": "05162",
        "leistungen": [10255, 10596],
        "status": "ausgerollt",
        "start_date": date(2019, 2, 1),
        "go_live_date": date(2020, 10, 1),
        "partners": ["it-niederrhein", "hochschule"],
        "software": "Dokumentenmanagementsystem mit Scanstelle und Anbindung an das "
        "Fachverfahren Ausländerwesen",
        "effort_band": "ueber-250k",
        "funding": "Eigenmittel",
        "reusability": "teilweise",
        "reuse_description": "<p>Aktenplan, Scanrichtlinie und Schulungskonzept können andere "
        "Behörden übernehmen; das DMS ist eine lokale Entscheidung.</p>",
        "contact": "neuss-eakte",
        "teaser_text": "Die Ausländerbehörde arbeitet mit elektronischen Akten: Posteingang "
        "wird gescannt, Vorgänge sind für alle Berechtigten sofort verfügbar. "
        "Vorher wurden alle Abläufe gemeinsam aufgenommen.",
        "body": [
            h("Ausgangslage"),
            p(
                "Ausländerakten sind umfangreich und wandern zwischen Sachbearbeitung, "
                "Abteilungsleitung und anderen Behörden. Eine Akte zu suchen kostete Zeit, und "
                "Auskünfte waren nur möglich, wenn die Akte greifbar war."
            ),
            h("Umsetzung"),
            p(
                "Bevor ein System ausgewählt wurde, hat das Projektteam mit Studierenden einer "
                "Hochschule alle wichtigen Abläufe aufgenommen und vereinfacht. Daraus "
                "entstanden Aktenplan, Scanrichtlinie und Berechtigungskonzept. Der "
                "Posteingang wird zentral gescannt; Bestandsakten werden bei Bedarf "
                "digitalisiert statt auf einen Schlag."
            ),
            h("Ergebnis"),
            p(
                "Vorgänge sind für alle Berechtigten gleichzeitig einsehbar, auch im mobilen "
                "Arbeiten. Auskünfte an andere Behörden lassen sich schneller geben. Das "
                "Vorgehen wird nun auf weitere Ämter der Kreisverwaltung übertragen."
            ),
        ],
    },
    {
        "slug": "dormagen-digitale-gremienarbeit",
        "title": "Digitale Gremienarbeit: papierlose Sitzungen für Rat und Ausschüsse",
        "municipality": "05162004",
        "leistungen": [],
        "themenfelder": ["Querschnitt"],
        "status": "betrieb",
        "start_date": date(2019, 11, 1),
        "go_live_date": date(2020, 6, 1),
        "partners": ["ratsarbeit-digital"],
        "software": "Ratsinformationssystem mit Sitzungs-App und OParl-Schnittstelle",
        "effort_band": "10k-50k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Übertragbar sind das Schulungskonzept mit Tandems und die "
        "Geschäftsordnungsänderung für elektronische Einladungen.</p>",
        "contact": "dormagen-rat",
        "teaser_text": "Rat und Ausschüsse arbeiten mit Tablets statt Papierstapeln. Der "
        "Erfolg lag in Tandem-Schulungen: erfahrene Ratsmitglieder halfen "
        "anderen beim Einstieg.",
        "body": [
            h("Ausgangslage"),
            p(
                "Für jede Sitzung wurden Vorlagen gedruckt, kuvertiert und verteilt. "
                "Änderungen kurz vor der Sitzung bedeuteten neue Papierstapel."
            ),
            h("Umsetzung"),
            p(
                "Die Stadt hat ihr Ratsinformationssystem um eine Sitzungs-App ergänzt. "
                "Ratsmitglieder erhalten Einladungen und Vorlagen elektronisch, können "
                "Anmerkungen anlegen und im Sitzungssaal darauf zugreifen. Die "
                "Geschäftsordnung wurde für elektronische Einladungen angepasst. Geschult "
                "wurde in Tandems, unterstützt durch eine Sprechstunde des Ratsbüros."
            ),
            h("Ergebnis"),
            p(
                "Papierversand ist die Ausnahme. Öffentliche Dokumente stehen über eine "
                "offene Schnittstelle auch Bürgerinnen und Bürgern zur Verfügung. Für diese "
                "interne Aufgabe gibt es keine OZG-Leistung; zugeordnet ist das Themenfeld "
                "Querschnitt."
            ),
        ],
    },
    {
        "slug": "guetersloh-chatbot-buergerservice",
        "title": "Chatbot im Bürgerservice beantwortet Fragen rund um die Uhr",
        "municipality": "05754008",
        "leistungen": [10559, 10119, 10124],
        "status": "pilot",
        "start_date": date(2021, 2, 1),
        "go_live_date": date(2021, 9, 1),
        "partners": ["buergerservice-software"],
        "software": "Chatbot mit redaktionell gepflegter Wissensdatenbank, ohne Speicherung "
        "personenbezogener Daten",
        "effort_band": "10k-50k",
        "funding": "Eigenmittel",
        "reusability": "teilweise",
        "reuse_description": "<p>Die Wissensdatenbank mit Fragen und Antworten zum "
        "Bürgerservice kann als Ausgangspunkt übernommen werden.</p>",
        "contact": "guetersloh-cdo",
        "teaser_text": "Ein Chatbot beantwortet die häufigsten Fragen zu Meldebescheinigung, "
        "Ummeldung und Personalausweis und verlinkt auf die Online-Dienste. "
        "Der Datenschutz war von Anfang an im Projektteam.",
        "body": [
            h("Ausgangslage"),
            p(
                "Ein großer Teil der Anrufe im Bürgerservice betraf immer dieselben Fragen: "
                "Welche Unterlagen brauche ich, was kostet es, geht das online?"
            ),
            h("Umsetzung"),
            p(
                "Die Stadt hat eine Wissensdatenbank mit den häufigsten Fragen aufgebaut, "
                "gepflegt von den Beschäftigten des Bürgerservice. Der Chatbot beantwortet "
                "Fragen auf dieser Grundlage und verlinkt direkt auf Online-Dienste und "
                "Terminvergabe. Die Datenschutzbeauftragte war von Beginn an beteiligt: Der "
                "Bot speichert keine personenbezogenen Daten und weist darauf hin, keine "
                "einzugeben."
            ),
            h("Erfahrungen"),
            p(
                "Die Pflege der Antworten ist die eigentliche Daueraufgabe. Unbeantwortete "
                "Fragen werden wöchentlich ausgewertet und in die Wissensdatenbank "
                "übernommen."
            ),
        ],
    },
    {
        "slug": "kreis-wesel-digitale-schulverwaltung",
        "title": "Digitale Schulverwaltung: Anmeldung am Berufskolleg und Schülerfahrkosten",
        "municipality": "05170",
        "leistungen": [10037, 10042],
        "status": "betrieb",
        "start_date": date(2020, 8, 1),
        "go_live_date": date(2021, 8, 1),
        "partners": ["it-niederrhein", "datenwerk"],
        "software": "Online-Schulanmeldung mit Anbindung an die Schulverwaltungssoftware, "
        "Antrag auf Schülerfahrkosten",
        "effort_band": "50k-250k",
        "funding": "Eigenmittel und Mittel aus dem Digitalpakt (Beispielangabe)",
        "reusability": "ja",
        "reuse_description": "<p>Übertragbar auf andere Schulträger; entscheidend ist die "
        "Abstimmung mit den Schulleitungen über einheitliche "
        "Anmeldefristen.</p>",
        "contact": "wesel-schule",
        "teaser_text": "Die Anmeldung an den Berufskollegs des Kreises und der Antrag auf "
        "Schülerfahrkosten laufen online. Die Schulsekretariate arbeiten mit "
        "denselben Daten statt mit Papierformularen.",
        "body": [
            h("Ausgangslage"),
            p(
                "Anmeldungen an Berufskollegs kamen auf Papier, oft mehrfach an "
                "verschiedenen Schulen. Schülerfahrkosten wurden getrennt davon beantragt, "
                "mit denselben Angaben noch einmal."
            ),
            h("Umsetzung"),
            p(
                "Der Kreis als Schulträger hat mit den Schulleitungen einheitliche "
                "Anmeldefristen und Formulare vereinbart. Die Online-Anmeldung übergibt die "
                "Daten an die Schulverwaltungssoftware; der Antrag auf Schülerfahrkosten "
                "übernimmt bereits bekannte Angaben."
            ),
            h("Ergebnis"),
            p(
                "Mehrfachanmeldungen sind sichtbar und können früh geklärt werden. Die "
                "Sekretariate tippen weniger ab und haben in der Anmeldephase mehr Zeit für "
                "Beratung. Familien erhalten eine Eingangsbestätigung und wissen, wie es "
                "weitergeht."
            ),
        ],
    },
    {
        "slug": "moers-sperrmuell-online",
        "title": "Sperrmüll und Abfallberatung online",
        "municipality": "05170024",
        "leistungen": [10110],
        "status": "betrieb",
        "start_date": date(2021, 1, 1),
        "go_live_date": date(2021, 6, 1),
        "partners": ["buergerservice-software"],
        "software": "Online-Terminbuchung für Sperrmüll, Abfall-App mit Kalenderexport",
        "effort_band": "bis-10k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Die Abfuhrtermine als offene Daten im iCalendar-Format "
        "lassen sich in jeder Kommune bereitstellen.</p>",
        "contact": "moers-digital",
        "teaser_text": "Sperrmülltermine werden online gebucht, Abfuhrtermine gibt es als "
        "Kalenderdatei. Die Daten stehen auch als offene Daten zur Verfügung.",
        "body": [
            h("Ausgangslage"),
            p(
                "Sperrmülltermine wurden telefonisch vereinbart, in Spitzenzeiten mit langen "
                "Wartezeiten. Abfuhrkalender gab es nur als gedruckte Broschüre."
            ),
            h("Umsetzung"),
            p(
                "Die Stadt hat eine Online-Buchung eingeführt, die nur freie Termine im "
                "jeweiligen Bezirk anbietet. Die Abfuhrtermine werden als Kalenderdatei und "
                "über eine App bereitgestellt; derselbe Datensatz steht als offene Daten zur "
                "Verfügung, damit auch andere Anwendungen ihn nutzen können."
            ),
            h("Ergebnis"),
            p(
                "Das Telefon ist in den Spitzenzeiten entlastet. Ein kleines Projekt mit "
                "geringem Budget, das Bürgerinnen und Bürger jede Woche bemerken. Eine "
                "Erinnerung am Vortag der Abholung hilft, dass der Sperrmüll rechtzeitig "
                "bereitsteht."
            ),
        ],
    },
    {
        "slug": "bad-salzuflen-open-data-portal",
        "title": "Open-Data-Portal: städtische Daten offen und maschinenlesbar",
        "municipality": "05766008",
        "leistungen": [10143],
        "themenfelder": ["Querschnitt", "Umwelt"],
        "status": "betrieb",
        "start_date": date(2021, 3, 1),
        "go_live_date": date(2021, 11, 1),
        "partners": ["it-niederrhein"],
        "software": "CKAN als Datenkatalog, Harvesting in das Landesportal",
        "effort_band": "10k-50k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Datenkatalog, Lizenzempfehlung (Datenlizenz Deutschland "
        "Namensnennung 2.0) und Freigabeprozess können andere Kommunen "
        "direkt übernehmen.</p>",
        "contact": "bad-salzuflen-daten",
        "teaser_text": "Wahlergebnisse, Haushaltsdaten, Standorte und Umweltdaten stehen in "
        "einem offenen Datenkatalog. Ein einfacher Freigabeprozess sorgt "
        "dafür, dass Fachämter selbst veröffentlichen.",
        "body": [
            h("Ausgangslage"),
            p(
                "Viele Daten der Stadt lagen als PDF oder Tabellen in Fachämtern und wurden auf "
                "Anfrage einzeln herausgegeben."
            ),
            h("Umsetzung"),
            p(
                "Die Stadt hat einen Datenkatalog auf Basis freier Software eingerichtet und "
                "eine kurze Richtlinie beschlossen: offene Lizenz, maschinenlesbare Formate, "
                "eine verantwortliche Person je Datensatz. Den Anfang machten Wahlergebnisse, "
                "Standorte öffentlicher Einrichtungen und Umweltmessdaten. Die Daten werden "
                "automatisch an das Landesportal weitergegeben."
            ),
            h("Ergebnis"),
            p(
                "Fachämter veröffentlichen selbst; Anfragen nach Daten lassen sich mit einem "
                "Link beantworten. Lokale Initiativen nutzen die Daten für eigene "
                "Anwendungen, und auch die Verwaltung selbst findet ihre Daten schneller "
                "wieder als in verstreuten Tabellen."
            ),
        ],
    },
    {
        "slug": "kreis-lippe-elterngeld-digital",
        "title": "Elterngeld digital: Online-Antrag mit strukturierter Übergabe",
        "municipality": "05766",
        "leistungen": [10000],
        "status": "betrieb",
        "start_date": date(2021, 1, 15),
        "go_live_date": date(2021, 10, 4),
        "partners": ["datenwerk", "hochschule"],
        "software": "Online-Antrag ElterngeldDigital mit Übergabe an das Fachverfahren",
        "effort_band": "10k-50k",
        "funding": "EfA-Nachnutzung",
        "reusability": "ja",
        "reuse_description": "<p>Die Antragsstrecke wird bundesweit angeboten; übertragbar "
        "sind die Erkenntnisse aus Nutzertests und das interne "
        "Posteingangskonzept.</p>",
        "contact": "lippe-elterngeld",
        "teaser_text": "Die Elterngeldstelle nimmt Anträge online entgegen. Nutzertests mit "
        "Eltern haben gezeigt, welche Nachweise am häufigsten fehlen; die "
        "Hinweise im Antrag wurden entsprechend ergänzt.",
        "body": [
            h("Ausgangslage"),
            p(
                "Elterngeldanträge kamen oft unvollständig an, Rückfragen verzögerten die "
                "Auszahlung in einer Zeit, in der Familien auf das Geld warten. Viele Eltern "
                "wussten nicht, welche Nachweise des Arbeitgebers sie beilegen müssen."
            ),
            h("Umsetzung"),
            p(
                "Der Kreis hat den bundesweit angebotenen Online-Antrag eingeführt und den "
                "Posteingang so umgestellt, dass Anträge strukturiert im Fachverfahren "
                "ankommen. In Nutzertests mit Eltern wurde beobachtet, an welchen Stellen sie "
                "hängen bleiben; daraus entstanden zusätzliche Hinweise und eine Checkliste "
                "der Nachweise."
            ),
            h("Ergebnis"),
            p(
                "Anträge kommen vollständiger an, Rückfragen sind seltener. Die Elterngeldstelle "
                "hat die Telefonzeiten umgestellt und bietet Rückrufe an. Papieranträge "
                "bleiben möglich und werden mit derselben Checkliste geprüft."
            ),
        ],
    },
    {
        "slug": "bamberg-standesamt-online",
        "title": "Standesamt online: Urkunden und Anmeldung zur Eheschließung",
        "municipality": "09461000",
        "leistungen": [10557, 10026],
        "status": "pilot",
        "start_date": date(2021, 9, 1),
        "go_live_date": date(2022, 4, 1),
        "partners": ["buergerservice-software"],
        "software": "Online-Urkundenbestellung mit E-Payment, Terminbuchung für die Anmeldung "
        "zur Eheschließung",
        "effort_band": "bis-10k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Standardmodule des Personenstandsverfahrens; übertragbar "
        "sind die Texte zu den erforderlichen Unterlagen.</p>",
        "contact": "bamberg-standesamt",
        "teaser_text": "Geburtsurkunden werden online bestellt und bezahlt, Paare buchen den "
        "Termin zur Anmeldung der Eheschließung und sehen vorab, welche "
        "Unterlagen sie brauchen.",
        "body": [
            h("Ausgangslage"),
            p(
                "Urkunden wurden per Brief oder E-Mail bestellt, die Bezahlung per Überweisung "
                "musste abgeglichen werden. Paare kamen häufig ohne vollständige Unterlagen "
                "zur Anmeldung der Eheschließung und brauchten einen zweiten Termin."
            ),
            h("Umsetzung"),
            p(
                "Das Standesamt hat die Urkundenbestellung mit Online-Bezahlung freigeschaltet. "
                "Für die Anmeldung zur Eheschließung gibt es eine Terminbuchung mit einer "
                "Abfrage, aus der sich die Liste der benötigten Unterlagen ergibt."
            ),
            h("Stand"),
            p(
                "Der Pilot läuft seit dem Frühjahr 2022. Als Nächstes sollen Sterbe- und "
                "Eheurkunden folgen. Die "
                "Stadt bereitet die Vorstellung in der Veranstaltungsreihe für Bayern vor."
            ),
        ],
    },
    {
        "slug": "lueneburg-bibliotheksausweis-online",
        "title": "Bibliotheksausweis online und digitale Ausleihe",
        "municipality": "03355022",
        "leistungen": [10014, 10058],
        "status": "betrieb",
        "start_date": date(2020, 3, 16),
        "go_live_date": date(2020, 5, 4),
        "partners": ["buergerservice-software"],
        "software": "Online-Anmeldung mit Identitätsprüfung, Onleihe-Verbund",
        "effort_band": "bis-10k",
        "funding": "Eigenmittel",
        "reusability": "ja",
        "reuse_description": "<p>Die Online-Anmeldung nutzt Standardfunktionen des "
        "Bibliothekssystems; übertragbar sind Gebührensatzung und "
        "Datenschutzhinweise.</p>",
        "contact": "lueneburg-bibliothek",
        "teaser_text": "Den Bibliotheksausweis gibt es online, die digitale Ausleihe ist "
        "sofort nutzbar. Entstanden in wenigen Wochen, als die Bibliothek "
        "schließen musste.",
        "body": [
            h("Ausgangslage"),
            p(
                "Als die Bibliothek im Frühjahr 2020 schließen musste, war die digitale "
                "Ausleihe das einzige Angebot, doch einen Ausweis gab es nur vor Ort. Gerade "
                "Familien und ältere Menschen fragten nach, wie sie an E-Books und "
                "Hörbücher kommen."
            ),
            h("Umsetzung"),
            p(
                "Die Bibliothek hat innerhalb weniger Wochen eine Online-Anmeldung "
                "freigeschaltet. Die Identität wird beim ersten Besuch vor Ort oder über die "
                "Online-Ausweisfunktion geprüft; bis dahin ist die digitale Ausleihe "
                "nutzbar."
            ),
            h("Ergebnis"),
            p(
                "Die Online-Anmeldung ist geblieben, auch nachdem die Bibliothek wieder "
                "öffnete. Sie zeigt, dass ein kleines, pragmatisches Projekt schnell einen "
                "Unterschied machen kann."
            ),
        ],
    },
]

# A closing section for every case study: what another municipality should know.
TIPS = {
    "ravensburg-digitaler-bauantrag": (
        "Beginnen Sie mit einer Bestandsaufnahme: Welche Fachstellen werden bei welchen "
        "Vorhaben beteiligt, und welche Unterlagen brauchen sie wirklich? Vereinbaren Sie "
        "einen gemeinsamen Starttermin mit allen Fachstellen, statt einzeln umzustellen. "
        "Laden Sie Architektur- und Ingenieurbüros früh ein; sie sind die häufigsten "
        "Antragstellenden und merken Schwächen der Antragsstrecke als Erste.",
    ),
    "ulm-smart-parking": (
        "Trennen Sie die beiden Teile: Der Online-Antrag für den Bewohnerparkausweis lohnt "
        "sich überall und braucht kaum Investitionen. Sensorik dagegen sollte zuerst in "
        "einem klar abgegrenzten Quartier getestet werden. Klären Sie vorab mit "
        "Straßenreinigung, Winterdienst und Tiefbau, wie Sensoren im Boden bei Arbeiten "
        "geschützt werden, und veröffentlichen Sie die Belegungsdaten von Anfang an offen.",
    ),
    "villingen-schwenningen-buergerportal": (
        "Wählen Sie die ersten Leistungen nach Fallzahlen und nach der Bereitschaft des "
        "Fachamts aus, nicht nach technischer Eleganz. Testen Sie jede Antragsstrecke vor "
        "dem Start mit Menschen, die sie wirklich nutzen werden. Vereinbaren Sie mit dem "
        "Dienstleister, dass die Daten strukturiert im Fachverfahren ankommen; ein PDF im "
        "Postfach ist noch keine digitale Leistung.",
    ),
    "stuttgart-briefwahl-online": (
        "Planen Sie die Lastspitze: Kurz nach dem Versand der Wahlbenachrichtigungen "
        "kommen die meisten Anträge. Ein Lasttest vor der ersten Wahl und ein Notfallplan "
        "für die Poststelle geben Sicherheit. Schreiben Sie die Hinweise in einfacher "
        "Sprache und nennen Sie die Fristen deutlich. Der Online-Antrag ersetzt den Antrag "
        "per Post nicht, er ergänzt ihn.",
    ),
    "herrenberg-terminvergabe-buergeramt": (
        "Legen Sie die Dauer jedes Anliegens gemeinsam mit den Beschäftigten am Schalter "
        "fest und überprüfen Sie sie nach einigen Wochen. Halten Sie Zeiten für spontane "
        "Vorsprachen frei, damit Menschen ohne Internetzugang nicht benachteiligt werden. "
        "Holen Sie für Benachrichtigungen per SMS oder E-Mail eine ausdrückliche "
        "Einwilligung ein und löschen Sie die Kontaktdaten nach der Abholung.",
    ),
    "landkreis-boeblingen-wohngeld-digital": (
        "Prüfen Sie vor jedem eigenen Vorhaben, ob es für die Leistung bereits eine "
        "Einer-für-Alle-Lösung gibt. Planen Sie die meiste Zeit für die Anbindung an das "
        "Fachverfahren und die Abstimmung mit dem Hersteller ein, nicht für das Formular. "
        "Ordnen Sie die Nachweisprüfung neu, bevor der erste Online-Antrag eingeht, und "
        "schulen Sie die Sachbearbeitung in kurzen, praxisnahen Einheiten.",
    ),
    "kreis-hoexter-online-kfz-zulassung": (
        "Schalten Sie die Vorgänge schrittweise frei, beginnend mit der Abmeldung, die am "
        "einfachsten ist. Benennen Sie eine feste Ansprechperson für Autohäuser und "
        "Zulassungsdienste und informieren Sie sie vor dem Start in kleinen Runden. "
        "Klären Sie mit der Poststelle, wie Plaketten und Bescheinigungen sicher und "
        "schnell versandt werden. Werben Sie auf der eigenen Website sichtbar für den "
        "Online-Weg.",
    ),
    "paderborn-kita-platzvergabe-online": (
        "Einigen Sie sich mit den freien Trägern auf gemeinsame Regeln, bevor Sie ein "
        "Portal auswählen; ohne diese Vereinbarung bleibt das Portal ein weiteres "
        "Anmeldeformular. Testen Sie mit Eltern, die unterschiedliche Sprachen sprechen "
        "und unterschiedlich vertraut mit dem Internet sind. Bieten Sie eine "
        "Beratungsstelle für Eltern an, die Unterstützung bei der Vormerkung brauchen.",
    ),
    "rhein-kreis-neuss-e-akte-auslaenderbehoerde": (
        "Nehmen Sie die Abläufe auf, bevor Sie ein System ausschreiben, und beziehen Sie "
        "die Beschäftigten aller Teams ein. Digitalisieren Sie Bestandsakten nach Bedarf "
        "statt auf einen Schlag; das spart Kosten und Zeit. Klären Sie früh mit "
        "Personalrat und Datenschutz das Berechtigungskonzept. Eine zentrale Scanstelle "
        "mit klarer Scanrichtlinie entlastet die Sachbearbeitung spürbar.",
    ),
    "dormagen-digitale-gremienarbeit": (
        "Passen Sie die Geschäftsordnung an, bevor Sie die Papiereinladung abschaffen, "
        "damit elektronische Einladungen rechtssicher sind. Planen Sie eine "
        "Übergangszeit, in der beides möglich ist. Bilden Sie Tandems aus erfahrenen und "
        "neuen Nutzenden über Fraktionsgrenzen hinweg, und bieten Sie eine feste "
        "Sprechstunde an. Geräte sollten zentral verwaltet werden, damit Updates niemanden "
        "in der Sitzung überraschen.",
    ),
    "guetersloh-chatbot-buergerservice": (
        "Laden Sie die Datenschutzbeauftragte zur ersten Projektsitzung ein, nicht erst "
        "nach der Anbieterauswahl. Beginnen Sie mit den häufigsten Fragen aus dem "
        "Telefonservice; die Beschäftigten dort wissen am besten, was Bürgerinnen und "
        "Bürger wissen wollen. Planen Sie die Pflege der Antworten als Daueraufgabe mit "
        "festen Zuständigkeiten ein. Ein Chatbot ersetzt die persönliche Beratung nicht.",
    ),
    "kreis-wesel-digitale-schulverwaltung": (
        "Vereinbaren Sie mit allen Schulleitungen einheitliche Anmeldefristen und "
        "Formulare, bevor die Online-Anmeldung startet; sonst bildet das Portal nur die "
        "bisherige Vielfalt ab. Übernehmen Sie bekannte Angaben in Folgeanträge wie die "
        "Schülerfahrkosten, damit niemand dieselben Daten zweimal eingibt. Planen Sie die "
        "Anmeldephase mit den Sekretariaten und bieten Sie Sprechzeiten für Familien ohne "
        "Internetzugang an. Informieren Sie die abgebenden Schulen rechtzeitig über den "
        "neuen Weg.",
    ),
    "moers-sperrmuell-online": (
        "Ein kleines Projekt kann viel bewirken: Prüfen Sie, welche Anliegen Ihr Telefon "
        "in Spitzenzeiten belasten, und beginnen Sie dort. Stellen Sie Termine als "
        "Kalenderdatei und als offene Daten bereit, dann entstehen oft weitere Anwendungen "
        "ohne eigenes Zutun. Stimmen Sie die Buchungsregeln mit dem Entsorgungsbetrieb ab "
        "und behalten Sie die telefonische Buchung für Menschen ohne Internetzugang bei.",
    ),
    "bad-salzuflen-open-data-portal": (
        "Beschließen Sie eine kurze Richtlinie mit offener Lizenz, maschinenlesbaren "
        "Formaten und einer verantwortlichen Person je Datensatz. Beginnen Sie mit Daten, "
        "die ohnehin veröffentlicht werden, etwa Wahlergebnisse oder Standorte. Lassen Sie "
        "die Daten automatisch an das Landesportal weitergeben. Suchen Sie den Kontakt zu "
        "lokalen Initiativen; sie zeigen, welche Daten gebraucht werden.",
    ),
    "kreis-lippe-elterngeld-digital": (
        "Nutzen Sie den bundesweit angebotenen Antrag und konzentrieren Sie sich auf den "
        "Posteingang: Anträge sollten strukturiert im Fachverfahren ankommen. Beobachten "
        "Sie in Nutzertests, an welchen Stellen Eltern hängen bleiben, und ergänzen Sie "
        "Hinweise und Checklisten. Bieten Sie Rückrufe an, statt lange Telefonzeiten "
        "vorzuhalten; das entlastet die Elterngeldstelle und die Familien.",
    ),
    "bamberg-standesamt-online": (
        "Beginnen Sie mit der Urkundenbestellung: Sie ist häufig, einfach und mit "
        "Online-Bezahlung schnell umgesetzt. Für die Anmeldung zur Eheschließung lohnt "
        "sich eine vorgeschaltete Abfrage, aus der sich die benötigten Unterlagen ergeben; "
        "so kommen Paare vorbereitet zum Termin. Halten Sie die Texte kurz und prüfen Sie "
        "sie mit Paaren, die gerade heiraten wollen. Sonderfälle mit Auslandsbezug sollten "
        "weiter persönlich beraten werden.",
    ),
    "lueneburg-bibliotheksausweis-online": (
        "Nutzen Sie die Standardfunktionen Ihres Bibliothekssystems, bevor Sie eine eigene "
        "Lösung planen. Klären Sie mit Datenschutz und Gebührensatzung, wann die Identität "
        "geprüft werden muss, und erlauben Sie die digitale Ausleihe schon vorher. "
        "Kündigen Sie das Angebot in Schulen, Kitas und sozialen Medien an. Kleine, "
        "pragmatische Lösungen sind oft schneller wirksam als große Projekte, gerade in "
        "einer Krise.",
    ),
}

for _case_study in CASE_STUDIES:
    _case_study["body"] = [
        *_case_study["body"],
        h("Tipps zum Nachmachen"),
        p(*TIPS[_case_study["slug"]]),
    ]
