"""Home page, listing pages and the legal pages of the demo site.

The Impressum uses a fictional address and says so; the other legal texts describe what
the site really does (no cookies for visitors, no third-party services).
"""

from .text import h, p, ul

FOOTER_TEXT = "Demo-Inhalte: Projekte, Personen und Zitate sind Beispiele."
SPONSOR_NAME = "Beispiel-IT GmbH"
CONTACT_EMAIL = "kontakt@example.org"

HOME = {
    "title": "Initiative K",
    "slug": "start",
    "intro": "Kommunen zeigen Kommunen, wie Digitalisierung gelingt: Praxisbeispiele, "
    "Aufzeichnungen und Learnings aus den Veranstaltungsreihen der Initiative K.",
    "body": "<p>Suchen Sie nach Ihrem Land, Ihrem Kreis oder einem OZG-Thema und finden Sie "
    "heraus, wer ein Vorhaben schon umgesetzt hat und wen Sie fragen können.</p>",
    "teaser_text": "Die Wissensplattform der Initiative K für kommunale Digitalisierung.",
}

HOME_EN = {
    "intro": "Municipalities show each other how digitalisation works: case studies, "
    "recordings and lessons learned from the Initiative K event series.",
    "body": "<p>The knowledge base is in German. Search by federal state, district or OZG "
    "topic to find out who has already done it and whom to ask.</p>",
    "teaser_text": "The knowledge platform of Initiative K for municipal digitalisation.",
}

WISSEN = {
    "title": "Wissen",
    "slug": "wissen",
    "intro": "Praxisbeispiele und Learnings aus den Kommunen, filterbar nach Land, Kreis, "
    "Kommune und OZG-Themenfeld.",
    "teaser_text": "Praxisbeispiele und Learnings aus den Kommunen.",
}

VERANSTALTUNGEN = {
    "title": "Veranstaltungen",
    "slug": "veranstaltungen",
    "intro": "In jeder Reihe lädt eine Kommune ein, Kommunen stellen ihre Projekte in "
    "kurzen Impulsen vor, danach ist Zeit für Austausch. Die Aufzeichnungen "
    "bleiben mit Kapiteln und Transkript abrufbar.",
    "teaser_text": "Online-Veranstaltungen der Initiative K und ihre Aufzeichnungen.",
}

IMPRESSUM = {
    "title": "Impressum",
    "slug": "impressum",
    "show_data_sources": True,
    "intro": "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG). Dies ist eine Demo-Website: "
    "Anschrift und Kontaktdaten sind Beispiele.",
    "body": [
        h("Anbieter"),
        p(
            "Initiative K – Geschäftsstelle<br>"
            "Beispielstraße 1<br>"
            "12345 Musterstadt<br>"
            "(Beispieladresse für die Demo)"
        ),
        h("Kontakt"),
        p(f"E-Mail: {CONTACT_EMAIL}<br>Telefon: +49 000 000000 (Beispiel)"),
        h("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        p("Lea Sommerfeld, Anschrift wie oben (fiktive Person)"),
        h("Hinweis zu den Inhalten"),
        p(
            "Die Praxisbeispiele, Veranstaltungen, Personen und Zitate dieser Website sind "
            "Beispiele für die Demonstration der Software. Die genannten Kommunen sind real, "
            "die beschriebenen Projekte und Personen sind es nicht. Ausnahme: Praxisbeispiele "
            "mit Quellenangabe geben Projektbeschreibungen der OK Labs von codefor.de wieder."
        ),
        h("Texte Dritter"),
        p(
            "Projektbeschreibungen aus dem Projektverzeichnis von codefor.de stehen unter der "
            "Lizenz CC BY 4.0 (Inhalte codefor.de, Open Knowledge Foundation Deutschland e.V. "
            "und Autor:innen). Quelle und Lizenz sind am jeweiligen Praxisbeispiel angegeben; "
            "für diese Website wurden die Texte in HTML umgewandelt, Bilder wurden entfernt."
        ),
        h("Haftung für Links"),
        p(
            "Für die Inhalte verlinkter Websites sind deren Anbieter verantwortlich. Bei "
            "Bekanntwerden von Rechtsverletzungen entfernen wir solche Links umgehend."
        ),
        h("Verbraucherstreitbeilegung"),
        p(
            "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor "
            "einer Verbraucherschlichtungsstelle teilzunehmen."
        ),
    ],
}

DATENSCHUTZ = {
    "title": "Datenschutz",
    "slug": "datenschutz",
    "intro": "Wie diese Website mit personenbezogenen Daten umgeht: so wenig wie möglich.",
    "body": [
        h("Verantwortliche Stelle"),
        p(
            "Initiative K – Geschäftsstelle, Beispielstraße 1, 12345 Musterstadt "
            f"(Beispieladresse), E-Mail: {CONTACT_EMAIL}"
        ),
        h("Datenschutzbeauftragte"),
        p("Sie erreichen unsere Datenschutzbeauftragte unter datenschutz@example.org."),
        h("Besuch der Website: Server-Logdateien"),
        p(
            "Beim Aufruf einer Seite verarbeitet unser Webserver technisch notwendige Daten: "
            "IP-Adresse, Datum und Uhrzeit, aufgerufene Adresse, übertragene Datenmenge, "
            "Statuscode sowie Browser und Betriebssystem. Das dient dem sicheren Betrieb der "
            "Website (Art. 6 Abs. 1 lit. f DSGVO). Die Logdateien werden nach sieben Tagen "
            "gelöscht; eine Zusammenführung mit anderen Daten findet nicht statt."
        ),
        h("Cookies"),
        p(
            "Beim Lesen der Website setzen wir keine Cookies. Nur das Kontaktformular setzt "
            "ein technisch notwendiges Cookie zum Schutz vor gefälschten Anfragen, und wenn "
            "sich Redakteurinnen und Redakteure im Verwaltungsbereich anmelden, kommt ein "
            "Cookie für die Sitzung hinzu (§ 25 Abs. 2 Nr. 2 TDDDG). Sie werden beim Abmelden "
            "oder nach Ablauf der Sitzung ungültig."
        ),
        h("Keine Dienste Dritter"),
        p(
            "Diese Website bindet keine Dienste Dritter ein: keine Analyse- oder "
            "Trackingwerkzeuge, keine Schriftarten oder Skripte von fremden Servern, keine "
            "Social-Media-Plugins. Aufzeichnungen werden von dieser Website selbst "
            "ausgeliefert. Sollte ein Video einer externen Plattform eingebunden werden, wird "
            "es erst geladen, nachdem Sie dem ausdrücklich zugestimmt haben."
        ),
        h("Suche"),
        p(
            "Suchbegriffe werden ohne Bezug zu Ihrer Person gezählt, um die Suche zu "
            "verbessern. Eine Zuordnung zu einzelnen Besucherinnen und Besuchern ist nicht "
            "möglich."
        ),
        h("Kontakt mit uns"),
        p(
            "Wenn Sie uns per E-Mail schreiben, verarbeiten wir Ihre Angaben, um Ihre Anfrage "
            "zu beantworten (Art. 6 Abs. 1 lit. b oder f DSGVO), und löschen sie, wenn sie "
            "nicht mehr benötigt werden. E-Mail-Adressen von Ansprechpersonen der "
            "Praxisbeispiele werden auf der Website nicht veröffentlicht."
        ),
        h("Kontaktformular der Praxisbeispiele"),
        p(
            "Über „Kontakt aufnehmen / Nachnutzung anfragen“ schreiben Sie der Ansprechperson "
            "eines Praxisbeispiels. Wir speichern Ihren Namen, Ihre Organisation, Ihre "
            "E-Mail-Adresse, Ihre Nachricht und den Zeitpunkt Ihrer Einwilligung und leiten "
            "die Nachricht per E-Mail an diese Person weiter (Art. 6 Abs. 1 lit. a DSGVO). Die "
            "Redaktion sieht die Anfragen, um bei Zustellproblemen zu helfen. Nach 180 Tagen "
            "löschen wir sie automatisch. Ihre IP-Adresse speichern wir nicht; gegen Spam "
            "zählen wir Anfragen je Absender eine Stunde lang unter einem nicht "
            "umkehrbaren Prüfwert."
        ),
        h("Ihre Rechte"),
        ul(
            "Auskunft über die zu Ihnen gespeicherten Daten (Art. 15 DSGVO)",
            "Berichtigung unrichtiger Daten (Art. 16 DSGVO)",
            "Löschung (Art. 17 DSGVO) und Einschränkung der Verarbeitung (Art. 18 DSGVO)",
            "Mitteilung an Empfänger über Berichtigung, Löschung oder Einschränkung "
            "(Art. 19 DSGVO)",
            "Datenübertragbarkeit (Art. 20 DSGVO)",
            "Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)",
            intro="Sie haben gegenüber uns folgende Rechte:",
        ),
        p(
            "Außerdem können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren "
            f"(Art. 77 DSGVO). Für Ihre Anliegen schreiben Sie an {CONTACT_EMAIL}."
        ),
    ],
}


# The version of axe-core that measured the site (axe-playwright-python bundles it);
# tests/e2e/test_accessibility.py checks that the statement names the one it runs.
AXE_CORE_VERSION = "4.12"


def barrierefreiheit(stand):
    """The accessibility statement (structure of BITV 2.0 § 7 and the EU model statement,
    Durchführungsbeschluss (EU) 2018/1523); ``stand`` is the date it was written (text).
    It describes what is measured, and says what is not."""
    return {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "intro": "Wir möchten, dass alle Menschen diese Website nutzen können. Diese "
        "Erklärung beschreibt, wie weit die Website die Anforderungen der "
        "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) erfüllt, wie wir das "
        "prüfen und was noch fehlt.",
        "body": [
            h("Stand der Vereinbarkeit mit den Anforderungen"),
            p(
                "Diese Website ist mit den Anforderungen der BITV 2.0 und der Norm EN 301 549 "
                "(sie verweist für Websites auf die WCAG 2.1, Stufe AA) <b>teilweise "
                "vereinbar</b>.",
                "Die automatischen Prüfungen, die wir bei jeder Änderung der Software "
                "ausführen, finden keine Verstöße (Ergebnis unten). Eine vollständige "
                "Prüfung aller Anforderungen, etwa ein BITV-Test durch eine unabhängige "
                "Prüfstelle, hat noch nicht stattgefunden, und automatische Prüfungen "
                "erkennen nur einen Teil der möglichen Barrieren. Deshalb erklären wir die "
                "Website nur als teilweise vereinbar.",
            ),
            h("Wie wir prüfen"),
            ul(
                f"<b>Automatische Prüfung mit axe-core {AXE_CORE_VERSION}</b> (Deque "
                "Systems, Open Source) im Browser Chromium, mit allen Regeln der WCAG 2.0 "
                "und 2.1 für die Stufen A und AA. Geprüft werden die Startseite, "
                "Inhaltsseiten wie Impressum und diese Erklärung, die Übersicht „Wissen“, "
                "ein Praxisbeispiel, ein Learning, die Veranstaltungsübersicht, eine "
                "Veranstaltungsreihe, eine Veranstaltung, eine Aufzeichnung (auch mit dem "
                "Hinweis vor dem Laden eines externen Videos), die Suche mit Filtern, ohne "
                "Treffer und mit einer fehlerhaften Eingabe, das Kontaktformular (leer, mit "
                "Fehlermeldungen und die Bestätigung), ein Kommunenprofil, die "
                "Kommunenübersicht, die Feed-Übersicht und die Fehlerseite „Seite nicht "
                "gefunden“, jeweils auf Deutsch und, wo es die Seite gibt, auf Englisch. "
                "Ergebnis: keine Verstöße.",
                "<b>Darstellung bei 320 Pixel Breite</b> (Vergrößerung auf 400 %): Die "
                "geprüften Seiten lassen sich ohne waagerechtes Scrollen lesen.",
                "<b>Bedienung nur mit der Tastatur</b>: Ein automatischer Test erreicht von "
                "der Startseite aus den Link „Zum Inhalt springen“ und das Suchfeld, "
                "startet eine Suche, öffnet einen Treffer und springt in einer Aufzeichnung "
                "über ein Kapitel an die passende Stelle des Videos, das dann abspielt; der "
                "Fokus ist dabei auf jedem Element sichtbar.",
                "Für die Karte der Länder kann axe-core den Kontrast der Zahlen nicht "
                "bestimmen; sie haben eine weiße Kontur, und die Tabelle unter der Karte "
                "enthält dieselben Zahlen als Text.",
                intro="Stand der Prüfung: " + stand + ".",
            ),
            h("Was wir nicht geprüft haben"),
            ul(
                "Tests mit Screenreadern (zum Beispiel NVDA, JAWS, VoiceOver) und mit "
                "Nutzerinnen und Nutzern mit Behinderungen haben noch nicht stattgefunden.",
                "Anforderungen, die sich nur von Hand prüfen lassen (etwa verständliche "
                "Texte, sinnvolle Alternativtexte von Bildern, Reihenfolge beim Vorlesen), "
                "sind nicht systematisch geprüft.",
                "Dokumente (etwa PDF-Dateien), Bilder und Videos, die die Redaktion "
                "hochlädt, prüfen wir nicht automatisch. Ihre Barrierefreiheit hängt davon "
                "ab, wie sie erstellt wurden.",
                "Videos bei YouTube oder Vimeo laufen nach Ihrer Zustimmung im Player des "
                "jeweiligen Anbieters; dessen Barrierefreiheit liegt nicht in unserer Hand "
                "und ist nicht geprüft.",
                "Andere Browser als Chromium und Mobilgeräte mit ihren Bedienhilfen sind "
                "nicht geprüft.",
            ),
            h("Nicht barrierefreie Inhalte"),
            ul(
                "Die Aufzeichnungen dieser Demo-Website haben keine Untertitel (das "
                "Testbild enthält keine Sprache). Die Redaktion kann zu jeder Aufzeichnung "
                "Untertitel als WebVTT-Datei hochladen; jede Aufzeichnung hat Kapitel und "
                "einen Transkriptauszug.",
                "Informationen in Leichter Sprache und in Deutscher Gebärdensprache "
                "(§ 4 BITV 2.0) fehlen noch.",
                "Die Inhalte sind überwiegend nur auf Deutsch verfügbar; die englische "
                "Fassung umfasst die Startseite, die Übersicht „Wissen“ und einzelne "
                "Praxisbeispiele.",
                "Texte aus externen Quellen werden so wiedergegeben, wie sie veröffentlicht "
                "wurden.",
                intro="Folgende Inhalte sind nicht oder nicht vollständig barrierefrei:",
            ),
            h("Erstellung dieser Erklärung"),
            p(
                f"Diese Erklärung wurde am {stand} erstellt und beruht auf einer "
                "Selbstbewertung: den oben beschriebenen automatischen Prüfungen. Eine "
                "Prüfung durch eine unabhängige Stelle ist geplant; wir ergänzen die "
                "Erklärung, sobald ihr Ergebnis vorliegt."
            ),
            h("Feedback und Kontakt"),
            p(
                "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen? Oder "
                "benötigen Sie Informationen in einer für Sie zugänglichen Form? Dann "
                "schreiben Sie uns an barrierefreiheit@example.org oder rufen Sie uns an unter "
                "+49 000 000000 (Beispiel). Wir antworten innerhalb von zwei Wochen."
            ),
            h("Schlichtungsverfahren"),
            p(
                "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, "
                "können Sie sich an die Schlichtungsstelle nach § 16 "
                "Behindertengleichstellungsgesetz (BGG) beim Beauftragten der "
                "Bundesregierung für die Belange von Menschen mit Behinderungen wenden. Sie "
                "hilft, Streit zwischen Menschen mit Behinderungen und öffentlichen Stellen "
                "des Bundes außergerichtlich beizulegen. Das Verfahren ist kostenlos, Sie "
                "brauchen keinen Rechtsbeistand.",
                'Internet: <a href="https://www.schlichtungsstelle-bgg.de">'
                "www.schlichtungsstelle-bgg.de</a>.",
                "Für Angebote öffentlicher Stellen eines Landes oder einer Kommune ist die "
                "Schlichtungs- oder Durchsetzungsstelle des jeweiligen Landes zuständig. Die "
                "Barrierefreiheit der Websites des Bundes überwacht die Überwachungsstelle "
                "des Bundes für Barrierefreiheit von Informationstechnik (BFIT-Bund).",
            ),
        ],
    }


UEBER_UNS = {
    "title": "Über uns",
    "slug": "ueber-uns",
    "intro": "Die Initiative K bringt Kommunen zusammen, die voneinander lernen wollen.",
    "body": [
        h("Die Idee"),
        p(
            "Viele Kommunen stehen vor denselben Aufgaben: Verwaltungsleistungen online "
            "anbieten, Akten digital führen, Daten öffnen. Oft hat eine Nachbarkommune das "
            "Vorhaben schon umgesetzt. Die Initiative K macht diese Erfahrungen sichtbar."
        ),
        h("So arbeiten wir"),
        p(
            "In jeder Veranstaltungsreihe lädt eine Kommune ein. Nach dem Grußwort stellen "
            "Kommunen ihre Projekte in kurzen Impulsen vor, danach tauschen sich die "
            "Teilnehmenden in kleinen Gruppen aus. Aus den Aufzeichnungen entstehen "
            "Praxisbeispiele und Learnings, die alle Kommunen nach Region und OZG-Thema "
            "durchsuchen können."
        ),
        h("Mitmachen"),
        p(f"Ihre Kommune möchte ein Projekt vorstellen? Schreiben Sie uns an {CONTACT_EMAIL}."),
    ],
}
