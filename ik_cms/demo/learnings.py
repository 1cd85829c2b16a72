"""Learnings drawn from the case studies and the recorded Impulse.

``source`` names a recording (by its event's slug) and the second in it where the
learning is said; the transcript excerpts in ``events.RECORDINGS`` contain those words.
"""

from .text import h, p, quote, ul

LEARNINGS = [
    {
        "slug": "fachabteilung-fuehrt-die-it-unterstuetzt",
        "title": "Die Fachabteilung führt, die IT unterstützt",
        "kind": "erfolgsfaktor",
        "themenfelder": ["Bauen & Wohnen", "Querschnitt"],
        "municipality": "08436064",
        "case_studies": ["ravensburg-digitaler-bauantrag", "villingen-schwenningen-buergerportal"],
        "source": ("ravensburg-2021-05-11", 1500),
        "teaser_text": "Digitalisierungsprojekte gelingen, wenn die Fachabteilung sie führt: "
        "Nur sie weiß, welche Unterlagen wann gebraucht werden.",
        "body": [
            h("Worum es geht"),
            p(
                "Wird ein Verfahren von der IT aus digitalisiert, entsteht leicht ein neues "
                "Portal mit den alten Abläufen. Führt die Fachabteilung, wird zuerst der "
                "Ablauf geklärt und dann die Technik passend gewählt."
            ),
            h("So geht es"),
            ul(
                "Projektleitung in der Fachabteilung, IT als feste Partnerin im Team",
                "Abläufe vor der Ausschreibung aufnehmen",
                "Entscheidungen über Formulare und Unterlagen trifft die Fachseite",
            ),
            quote(
                "Hätten wir das umgekehrt gemacht, hätten wir ein schönes Portal und "
                "dieselben Abläufe.",
                "Julia Brenner, Ravensburg",
            ),
        ],
    },
    {
        "slug": "medienbruch-am-ende-der-antragsstrecke",
        "title": "Der Medienbruch am Ende der Antragsstrecke",
        "kind": "stolperstein",
        "themenfelder": ["Arbeit & Ruhestand", "Querschnitt"],
        "municipality": "08115",
        "case_studies": [
            "landkreis-boeblingen-wohngeld-digital",
            "villingen-schwenningen-buergerportal",
        ],
        "source": ("herrenberg-2021-06-14", 3720),
        "teaser_text": "Ein Online-Antrag nützt wenig, wenn Antrag oder Nachweise in der "
        "Behörde wieder ausgedruckt werden. Der Medienbruch wandert dann nur "
        "nach innen.",
        "body": [
            h("Worum es geht"),
            p(
                "Viele Antragsstrecken enden als PDF im E-Mail-Postfach. Die Sachbearbeitung "
                "druckt aus, tippt ab und legt eine Papierakte an. Für Antragstellende ist der "
                "Weg digital, für die Verwaltung nicht."
            ),
            h("Was hilft"),
            p(
                "Vor dem Start klären, wie Daten und Nachweise im Fachverfahren ankommen und "
                "wie die Nachweisprüfung ohne Papier abläuft. Für die Anbindung an das "
                "Fachverfahren mehr Zeit einplanen als für das Formular."
            ),
        ],
    },
    {
        "slug": "nachnutzen-statt-neu-bauen",
        "title": "Nachnutzen statt neu bauen",
        "kind": "erfolgsfaktor",
        "themenfelder": ["Mobilität & Reisen", "Querschnitt"],
        "municipality": "05762",
        "case_studies": [
            "kreis-hoexter-online-kfz-zulassung",
            "landkreis-boeblingen-wohngeld-digital",
            "kreis-lippe-elterngeld-digital",
        ],
        "source": ("kreis-hoexter-2021-10-07", 1620),
        "teaser_text": "Fertige Lösungen aus dem Einer-für-Alle-Prinzip oder von anderen "
        "Kommunen sparen Entwicklungszeit. Die Arbeit verlagert sich auf die "
        "Einführung vor Ort.",
        "body": [
            h("Worum es geht"),
            p(
                "Für viele OZG-Leistungen gibt es bereits Online-Dienste, die andere Länder "
                "oder Kommunen gebaut haben. Wer nachnutzt, spart die Entwicklung, muss aber "
                "Anbindung, Abläufe und Kommunikation vor Ort sorgfältig planen."
            ),
            h("So geht es"),
            ul(
                "Vor jedem Projekt prüfen, ob es eine EfA-Lösung oder ein übertragbares "
                "Beispiel gibt",
                "Beteiligte außerhalb der Verwaltung früh einbinden (z. B. Autohäuser)",
                "Eine feste Ansprechperson für Rückfragen benennen",
            ),
        ],
    },
    {
        "slug": "nutzertests-ohne-anleitung",
        "title": "Nutzertests: zuschauen statt erklären",
        "kind": "methode",
        "themenfelder": ["Familie & Kind"],
        "municipality": "05774032",
        "case_studies": ["paderborn-kita-platzvergabe-online", "kreis-lippe-elterngeld-digital"],
        "source": ("kreis-hoexter-2021-10-07", 3540),
        "teaser_text": "Lassen Sie künftige Nutzerinnen und Nutzer einen Online-Dienst ohne "
        "Anleitung bedienen und schauen Sie nur zu. Schon wenige Tests zeigen "
        "die größten Hürden.",
        "body": [
            h("Die Methode"),
            p(
                "Drei bis fünf Personen aus der Zielgruppe erhalten eine Aufgabe, etwa: "
                "„Merken Sie Ihr Kind bei zwei Kitas vor.“ Das Projektteam beobachtet, greift "
                "nicht ein und notiert, wo jemand zögert oder abbricht. Danach werden Texte und "
                "Schritte angepasst und erneut getestet."
            ),
            h("Was es braucht"),
            p(
                "Einen ruhigen Raum oder eine Videokonferenz, eine Testversion des Dienstes "
                "und eine kleine Aufwandsentschädigung. Hochschulen helfen oft gern bei "
                "Planung und Auswertung."
            ),
        ],
    },
    {
        "slug": "datenschutz-in-die-erste-sitzung",
        "title": "Datenschutz gehört in die erste Sitzung",
        "kind": "stolperstein",
        "themenfelder": ["Querschnitt"],
        "municipality": "05754008",
        "case_studies": ["guetersloh-chatbot-buergerservice"],
        "source": ("guetersloh-2022-01-27", 1450),
        "teaser_text": "Wird der Datenschutz erst nach der Anbieterauswahl gefragt, kostet "
        "das Wochen. Von Anfang an beteiligt, hilft er, die Lösung einfacher "
        "zu machen.",
        "body": [
            h("Worum es geht"),
            p(
                "Besonders bei Diensten, die Eingaben von Bürgerinnen und Bürgern verarbeiten, "
                "etwa Chatbots oder Formularen, stellen sich Fragen nach Speicherung, "
                "Auftragsverarbeitung und Löschfristen. Kommen sie spät, müssen Verträge und "
                "Konfiguration nachverhandelt werden."
            ),
            h("Was hilft"),
            p(
                "Die oder den Datenschutzbeauftragten zur ersten Projektsitzung einladen und "
                "Datensparsamkeit als Anforderung in die Ausschreibung schreiben. Oft ist die "
                "einfachste Lösung die, die gar keine personenbezogenen Daten speichert."
            ),
        ],
    },
    {
        "slug": "wenige-leistungen-durchgaengig-digital",
        "title": "Lieber wenige Leistungen durchgängig digital",
        "kind": "empfehlung",
        "themenfelder": ["Querschnitt", "Engagement & Hobby"],
        "municipality": "08326074",
        "case_studies": ["villingen-schwenningen-buergerportal", "stuttgart-briefwahl-online"],
        "teaser_text": "Drei Leistungen von Antrag bis Bescheid digital bringen mehr als "
        "dreißig Formulare, die im Drucker enden.",
        "body": [
            h("Die Empfehlung"),
            p(
                "Beginnen Sie mit wenigen, häufig genutzten Leistungen und digitalisieren Sie "
                "sie vollständig: Anmeldung mit dem Servicekonto, Bezahlung, Übergabe an das "
                "Fachverfahren und Bescheid ins Postfach. Das Muster lässt sich danach auf "
                "weitere Leistungen übertragen."
            ),
            h("Woran man es merkt"),
            p(
                "Wenn niemand in der Verwaltung mehr abtippen muss und Antragstellende sehen, "
                "was mit ihrem Antrag geschieht."
            ),
        ],
    },
    {
        "slug": "prozesse-aufnehmen-vor-der-systemauswahl",
        "title": "Prozesse aufnehmen, bevor ein System ausgewählt wird",
        "kind": "methode",
        "themenfelder": ["Querschnitt", "Ein- & Auswanderung"],
        "municipality": "05162",
        "case_studies": [
            "rhein-kreis-neuss-e-akte-auslaenderbehoerde",
            "ravensburg-digitaler-bauantrag",
        ],
        "teaser_text": "Wer Abläufe vor der Einführung einer E-Akte aufnimmt und vereinfacht, "
        "digitalisiert keine Umwege und schreibt bessere Anforderungen.",
        "body": [
            h("Die Methode"),
            p(
                "In kurzen Workshops beschreiben die Beschäftigten, wie ein Vorgang heute "
                "abläuft: Wer bekommt was, wann, auf welchem Weg? Die Abläufe werden "
                "aufgezeichnet, Umwege markiert und gemeinsam vereinfacht. Erst danach "
                "entstehen Aktenplan, Berechtigungskonzept und Anforderungen an das System."
            ),
            h("Tipp"),
            p(
                "Studierende von Verwaltungshochschulen unterstützen solche Prozessaufnahmen "
                "gern im Rahmen von Praxisprojekten."
            ),
        ],
    },
    {
        "slug": "tandem-schulungen-fuer-die-gremienarbeit",
        "title": "Tandem-Schulungen für die digitale Gremienarbeit",
        "kind": "erfolgsfaktor",
        "themenfelder": ["Querschnitt"],
        "municipality": "05162004",
        "case_studies": ["dormagen-digitale-gremienarbeit"],
        "teaser_text": "Ratsmitglieder lernen am besten voneinander: Erfahrene Nutzerinnen "
        "und Nutzer der Sitzungs-App begleiten Neue in festen Tandems.",
        "body": [
            h("Worum es geht"),
            p(
                "Bei der Umstellung auf papierlose Sitzungen sind die Vorkenntnisse sehr "
                "unterschiedlich. Frontalschulungen erreichen nicht alle."
            ),
            h("So geht es"),
            p(
                "Das Ratsbüro bildet Tandems aus erfahrenen und neuen Nutzenden, möglichst "
                "fraktionsübergreifend, und bietet zusätzlich eine wöchentliche Sprechstunde "
                "an. Kurze Anleitungen zum Ausdrucken helfen in den ersten Wochen."
            ),
        ],
    },
    {
        "slug": "offene-daten-lizenz-format-verantwortung",
        "title": "Offene Daten: Lizenz, Format und eine verantwortliche Person",
        "kind": "empfehlung",
        "themenfelder": ["Querschnitt", "Umwelt"],
        "municipality": "05766008",
        "case_studies": [
            "bad-salzuflen-open-data-portal",
            "moers-sperrmuell-online",
            "freie-parkplatze-dresden",
        ],
        "teaser_text": "Offene Daten werden genutzt, wenn sie eine klare Lizenz haben, "
        "maschinenlesbar sind und jemand sie aktuell hält.",
        "body": [
            h("Die Empfehlung"),
            ul(
                "Eine offene Lizenz wie die Datenlizenz Deutschland Namensnennung 2.0 verwenden",
                "Maschinenlesbare Formate (CSV, GeoJSON, iCalendar) statt PDF",
                "Für jeden Datensatz eine verantwortliche Person benennen",
                "Daten automatisch an das Landesportal weitergeben",
                intro="Damit Dritte mit städtischen Daten arbeiten können:",
            ),
            p(
                "Das Beispiel aus Dresden zeigt, was passiert, wenn Daten nur auf einer Website "
                "stehen: Ehrenamtliche müssen sie mühsam auslesen, bevor sie jemand nutzen "
                "kann."
            ),
        ],
    },
    {
        "slug": "civic-tech-als-partnerin",
        "title": "Civic Tech als Partnerin der Verwaltung",
        "kind": "empfehlung",
        "themenfelder": ["Engagement & Hobby", "Umwelt"],
        "municipality": None,
        "case_studies": ["sags-uns-app-koln", "baumbie", "stadtratmonitor-leipzig"],
        "teaser_text": "Ehrenamtliche Gruppen wie die OK Labs bauen mit offenen Daten "
        "nützliche Anwendungen. Verwaltungen profitieren, wenn sie Daten "
        "bereitstellen und den Austausch suchen.",
        "body": [
            h("Worum es geht"),
            p(
                "In vielen Städten entwickeln Ehrenamtliche Anwendungen auf Basis offener "
                "Verwaltungsdaten: Mängelmelder, Baumkarten, durchsuchbare "
                "Ratsinformationssysteme. Sie zeigen, was mit den Daten möglich ist, und "
                "testen Ideen schneller, als es einer Verwaltung möglich wäre."
            ),
            h("Was Kommunen tun können"),
            p(
                "Daten offen und maschinenlesbar bereitstellen, Ansprechpersonen benennen und "
                "gelungene Anwendungen sichtbar machen, etwa auf der eigenen Website oder bei "
                "Veranstaltungen wie dieser Reihe."
            ),
        ],
    },
]
