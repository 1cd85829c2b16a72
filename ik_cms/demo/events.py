"""The Initiative K event series with their events and recordings.

Hosts and dates of Baden-Württemberg 2021 are those of the real series. The dates of
Nordrhein-Westfalen 2021/22 are not known to us: they are ILLUSTRATIVE, spread from
autumn 2021 to spring 2022. Greeters, speakers, transcripts and counts are examples.
"""

from datetime import date

# Agenda of every event (Europe/Berlin): greeting, two Impulse, networking.
GREETING_AT, IMPULSE_AT, NETWORKING_AT = (10, 0), [(10, 15), (10, 50)], (11, 30)

SERIES = [
    {
        "slug": "initiative-k-baden-wuerttemberg-2021",
        "title": "Initiative K Baden-Württemberg 2021",
        "land": "08",
        "period_start": date(2021, 5, 1),
        "period_end": date(2021, 6, 30),
        "teaser_text": "Drei Online-Veranstaltungen im Frühjahr 2021, zu Gast in Ravensburg, "
        "Villingen-Schwenningen und Herrenberg.",
        "intro": "<p>Im Frühjahr 2021 haben drei Kommunen aus Baden-Württemberg zu je einer "
        "Online-Veranstaltung eingeladen. Nach dem Grußwort der Gastgeberin oder "
        "des Gastgebers stellten Kommunen ihre Vorzeigeprojekte in kurzen Impulsen "
        "vor; danach war Zeit für Austausch in kleinen Gruppen.</p>",
    },
    {
        "slug": "initiative-k-nordrhein-westfalen-2021-22",
        "title": "Initiative K Nordrhein-Westfalen 2021/22",
        "land": "05",
        "period_start": date(2021, 10, 1),
        "period_end": date(2022, 4, 30),
        "teaser_text": "Fünf Online-Veranstaltungen von Herbst 2021 bis Frühjahr 2022 mit "
        "Kreisen und Städten aus Nordrhein-Westfalen als Gastgebern.",
        "intro": "<p>Die Reihe für Nordrhein-Westfalen führte von Herbst 2021 bis Frühjahr "
        "2022 zu fünf Gastgebern: dem Kreis Höxter, dem Rhein-Kreis Neuss, der Stadt "
        "Gütersloh, dem Kreis Wesel und der Stadt Bad Salzuflen.</p>",
    },
    {
        "slug": "initiative-k-bayern-2022",
        "title": "Initiative K Bayern 2022",
        "land": "09",
        "period_start": date(2022, 9, 1),
        "period_end": date(2022, 12, 31),
        "teaser_text": "Die Reihe für Bayern ist angekündigt. Termine und Gastgeber stehen "
        "noch nicht fest.",
        "intro": "<p>Die Veranstaltungsreihe für Bayern ist angekündigt. Termine und "
        "gastgebende Kommunen stehen noch nicht fest; bisher gibt es daher keine "
        "Veranstaltungen. Kommunen, die ein Projekt vorstellen möchten, können sich "
        "bei der Geschäftsstelle melden.</p>",
    },
]

EVENTS = [
    {
        "series": "initiative-k-baden-wuerttemberg-2021",
        "slug": "ravensburg-2021-05-11",
        "title": "Zu Gast in Ravensburg",
        "host": "08436064",
        "date": date(2021, 5, 11),
        "greeting_by": "ob-ravensburg",
        "impulses": [
            (
                "ravensburg-bau",
                "ravensburg-digitaler-bauantrag",
                "Digitaler Bauantrag: alle Fachstellen in einer Akte",
            ),
            ("ulm-parken", "ulm-smart-parking", "Smart Parking und der Bewohnerparkausweis online"),
        ],
        "participants_count": 86,
        "municipalities_count": 41,
        "teaser_text": "Den Auftakt der Reihe in Baden-Württemberg machte Ravensburg: mit dem "
        "digitalen Bauantrag und einem Smart-Parking-Pilot aus Ulm.",
    },
    {
        "series": "initiative-k-baden-wuerttemberg-2021",
        "slug": "villingen-schwenningen-2021-05-18",
        "title": "Zu Gast in Villingen-Schwenningen",
        "host": "08326074",
        "date": date(2021, 5, 18),
        "greeting_by": "ob-villingen-schwenningen",
        "impulses": [
            (
                "vs-digital",
                "villingen-schwenningen-buergerportal",
                "Bürgerportal: wenige Leistungen, dafür durchgängig digital",
            ),
            ("stuttgart-wahlen", "stuttgart-briefwahl-online", "Briefwahl online beantragen"),
        ],
        "participants_count": 112,
        "municipalities_count": 57,
        "teaser_text": "Wie Antragsstrecken ohne Medienbruch gelingen: das Bürgerportal aus "
        "Villingen-Schwenningen und der Online-Wahlscheinantrag aus Stuttgart.",
    },
    {
        "series": "initiative-k-baden-wuerttemberg-2021",
        "slug": "herrenberg-2021-06-14",
        "title": "Zu Gast in Herrenberg",
        "host": "08115021",
        "date": date(2021, 6, 14),
        "greeting_by": "ob-herrenberg",
        "impulses": [
            (
                "herrenberg-buergeramt",
                "herrenberg-terminvergabe-buergeramt",
                "Online-Termine und Abholbenachrichtigung im Bürgeramt",
            ),
            (
                "boeblingen-wohngeld",
                "landkreis-boeblingen-wohngeld-digital",
                "Wohngeld digital: nachnutzen statt neu bauen",
            ),
        ],
        "participants_count": 74,
        "municipalities_count": 38,
        "teaser_text": "Zum Abschluss der Reihe in Baden-Württemberg: das Bürgeramt in "
        "Herrenberg und der digitale Wohngeldantrag des Landkreises Böblingen.",
    },
    # NRW 2021/22: the dates below are illustrative, not the real ones.
    {
        "series": "initiative-k-nordrhein-westfalen-2021-22",
        "slug": "kreis-hoexter-2021-10-07",
        "title": "Zu Gast im Kreis Höxter",
        "host": "05762",
        "date": date(2021, 10, 7),
        "greeting_by": "landrat-hoexter",
        "impulses": [
            (
                "hoexter-kfz",
                "kreis-hoexter-online-kfz-zulassung",
                "Kfz-Zulassung online im Flächenkreis",
            ),
            (
                "paderborn-kita",
                "paderborn-kita-platzvergabe-online",
                "Kita-Platzvergabe: gemeinsam mit den freien Trägern",
            ),
        ],
        "participants_count": 96,
        "municipalities_count": 52,
        "teaser_text": "Auftakt in Nordrhein-Westfalen: die Online-Kfz-Zulassung im Kreis "
        "Höxter und die Kita-Platzvergabe der Stadt Paderborn.",
    },
    {
        "series": "initiative-k-nordrhein-westfalen-2021-22",
        "slug": "rhein-kreis-neuss-2021-11-18",
        "title": "Zu Gast im Rhein-Kreis Neuss",
        "host": "05162",
        "date": date(2021, 11, 18),
        "greeting_by": "landraetin-neuss",
        "impulses": [
            (
                "neuss-eakte",
                "rhein-kreis-neuss-e-akte-auslaenderbehoerde",
                "E-Akte in der Ausländerbehörde",
            ),
            (
                "dormagen-rat",
                "dormagen-digitale-gremienarbeit",
                "Digitale Gremienarbeit mit Tandem-Schulungen",
            ),
        ],
        "participants_count": 128,
        "municipalities_count": 63,
        "teaser_text": "Verwaltung von innen digitalisieren: die E-Akte der Ausländerbehörde "
        "im Rhein-Kreis Neuss und papierlose Ratsarbeit in Dormagen.",
    },
    {
        "series": "initiative-k-nordrhein-westfalen-2021-22",
        "slug": "guetersloh-2022-01-27",
        "title": "Zu Gast in Gütersloh",
        "host": "05754008",
        "date": date(2022, 1, 27),
        "greeting_by": "bm-guetersloh",
        "impulses": [
            (
                "guetersloh-cdo",
                "guetersloh-chatbot-buergerservice",
                "Ein Chatbot für den Bürgerservice",
            ),
            (
                "lueneburg-bibliothek",
                "lueneburg-bibliotheksausweis-online",
                "Gast aus Niedersachsen: der Bibliotheksausweis online",
            ),
        ],
        "participants_count": 91,
        "municipalities_count": 47,
        "teaser_text": "Ein Chatbot für den Bürgerservice in Gütersloh und, als Gast aus "
        "Niedersachsen, der Online-Bibliotheksausweis aus Lüneburg.",
    },
    {
        "series": "initiative-k-nordrhein-westfalen-2021-22",
        "slug": "kreis-wesel-2022-03-10",
        "title": "Zu Gast im Kreis Wesel",
        "host": "05170",
        "date": date(2022, 3, 10),
        "greeting_by": "landraetin-wesel",
        "impulses": [
            (
                "wesel-schule",
                "kreis-wesel-digitale-schulverwaltung",
                "Digitale Schulverwaltung am Berufskolleg",
            ),
            ("moers-digital", "moers-sperrmuell-online", "Sperrmüll online: klein, aber spürbar"),
        ],
        "participants_count": 83,
        "municipalities_count": 44,
        "teaser_text": "Schulträger und Abfallwirtschaft: die digitale Schulverwaltung des "
        "Kreises Wesel und die Sperrmüllbuchung der Stadt Moers.",
    },
    {
        "series": "initiative-k-nordrhein-westfalen-2021-22",
        "slug": "bad-salzuflen-2022-04-28",
        "title": "Zu Gast in Bad Salzuflen",
        "host": "05766008",
        "date": date(2022, 4, 28),
        "greeting_by": "bm-bad-salzuflen",
        "impulses": [
            (
                "bad-salzuflen-daten",
                "bad-salzuflen-open-data-portal",
                "Open Data: Fachämter veröffentlichen selbst",
            ),
            (
                "lippe-elterngeld",
                "kreis-lippe-elterngeld-digital",
                "Elterngeld digital und was Nutzertests zeigen",
            ),
        ],
        "participants_count": 102,
        "municipalities_count": 55,
        "teaser_text": "Zum Abschluss der Reihe in Nordrhein-Westfalen: das Open-Data-Portal "
        "von Bad Salzuflen und der digitale Elterngeldantrag des Kreises Lippe.",
    },
]

# Chapters and transcript excerpts: (start in seconds, person key, text). The recording
# ends when the networking begins (11:30, i.e. after 5400 seconds).
RECORDING_DURATION = 5400
CHAPTER_STARTS = {
    "welcome": 0,
    "greeting": 150,
    "impulse1": 900,
    "impulse2": 3000,
    "questions": 4800,
    "closing": 5280,
}

RECORDINGS = {
    "ravensburg-2021-05-11": [
        (
            5,
            "moderation",
            "Guten Morgen und herzlich willkommen zur ersten Veranstaltung unserer Reihe in "
            "Baden-Württemberg. Heute sind wir zu Gast in Ravensburg.",
        ),
        (
            160,
            "ob-ravensburg",
            "Ich freue mich, dass so viele Kommunen dabei sind. Digitalisierung gelingt nicht, "
            "wenn jede Stadt alles allein macht. Deshalb teilen wir heute gern, was bei uns "
            "funktioniert hat und was nicht.",
        ),
        (
            915,
            "ravensburg-bau",
            "Ich zeige Ihnen, wie wir den Bauantrag umgestellt haben. Und ich sage gleich vorweg: "
            "Die Technik war nicht der schwierige Teil.",
        ),
        (
            1500,
            "ravensburg-bau",
            "Entscheidend war, dass die Fachabteilung das Projekt geführt hat. Die IT hat uns "
            "unterstützt, aber welche Unterlagen wir wann brauchen, das wussten nur wir. Hätten "
            "wir das umgekehrt gemacht, hätten wir ein schönes Portal und dieselben Abläufe.",
        ),
        (
            3010,
            "ulm-parken",
            "Bei uns geht es um zwei Dinge: freie Stellplätze in Echtzeit und den "
            "Bewohnerparkausweis, den man jetzt online beantragen kann.",
        ),
        (
            3600,
            "ulm-parken",
            "Was wir unterschätzt haben: Sensoren im Boden betreffen auch Straßenreinigung und "
            "Winterdienst. Holen Sie diese Kolleginnen und Kollegen früh an den Tisch.",
        ),
        (
            4820,
            "moderation",
            "Im Chat kam die Frage, ob die Architekturbüros mitgezogen haben. Frau Brenner?",
        ),
        (
            4850,
            "ravensburg-bau",
            "Am Anfang gab es Skepsis. Zwei Informationsabende und eine Checkliste haben viel "
            "geholfen. Heute fragen die Büros eher, warum das nicht schon früher ging.",
        ),
        (
            5290,
            "moderation",
            "Vielen Dank an alle Beteiligten. Die Aufzeichnung endet hier, gleich geht es in die "
            "Gruppenräume zum Austausch.",
        ),
    ],
    "herrenberg-2021-06-14": [
        (
            5,
            "moderation",
            "Herzlich willkommen zur dritten und letzten Veranstaltung in Baden-Württemberg. "
            "Wir sind heute in Herrenberg zu Gast.",
        ),
        (
            160,
            "ob-herrenberg",
            "Unser Bürgeramt ist für viele Menschen der erste Kontakt mit der Stadtverwaltung. "
            "Wenn es dort besser läuft, merken das alle.",
        ),
        (
            915,
            "herrenberg-buergeramt",
            "Wir haben für jedes Anliegen festgelegt, wie lange es dauert und welche Unterlagen "
            "man braucht. Erst danach haben wir die Online-Terminvergabe eingerichtet.",
        ),
        (
            1700,
            "herrenberg-buergeramt",
            "Wichtig war uns: Wer keinen Internetzugang hat, darf nicht außen vor bleiben. "
            "Deshalb gibt es weiter feste Zeiten für spontane Vorsprachen.",
        ),
        (
            3010,
            "boeblingen-wohngeld",
            "Wir haben keinen eigenen Wohngeldantrag gebaut. Wir haben den Antrag eines anderen "
            "Landes nachgenutzt, und das war die beste Entscheidung im ganzen Projekt.",
        ),
        (
            3720,
            "boeblingen-wohngeld",
            "Unser Stolperstein war das Ende der Strecke. Der Antrag kam digital an, aber die "
            "Nachweise wurden anfangs wieder ausgedruckt. Ordnen Sie die Nachweisprüfung neu, "
            "bevor Sie starten, sonst haben Sie nur den Medienbruch verschoben.",
        ),
        (
            4820,
            "moderation",
            "Eine Frage aus dem Chat an Herrn Ecker: Wie lange hat die Anbindung an das "
            "Fachverfahren gedauert?",
        ),
        (
            4845,
            "boeblingen-wohngeld",
            "Einige Monate, vor allem wegen der Abstimmung mit dem Hersteller. Planen Sie dafür "
            "lieber mehr Zeit ein als für das Formular.",
        ),
        (
            5290,
            "moderation",
            "Damit endet die Reihe in Baden-Württemberg. Vielen Dank und bis zum Austausch in "
            "den Gruppenräumen.",
        ),
    ],
    "kreis-hoexter-2021-10-07": [
        (
            5,
            "moderation",
            "Herzlich willkommen zum Auftakt der Reihe in Nordrhein-Westfalen. Unser Gastgeber "
            "ist heute der Kreis Höxter.",
        ),
        (
            160,
            "landrat-hoexter",
            "In einem Flächenkreis sind die Wege lang. Jeder Gang zum Amt, den wir den Menschen "
            "ersparen, zählt doppelt.",
        ),
        (
            915,
            "hoexter-kfz",
            "Die internetbasierte Zulassung gibt es bundesweit. Die Frage war nicht, ob wir sie "
            "bauen, sondern wie wir sie wirklich einführen.",
        ),
        (
            1620,
            "hoexter-kfz",
            "Unser Rat an alle: Nachnutzen statt neu bauen. Wir haben nichts erfunden, aber wir "
            "haben Autohäuser und Poststelle früh eingebunden. Das war der Unterschied.",
        ),
        (
            3010,
            "paderborn-kita",
            "Bei der Kita-Platzvergabe sitzen viele am Tisch: das Jugendamt, die freien Träger "
            "und vor allem die Eltern.",
        ),
        (
            3540,
            "paderborn-kita",
            "Wir haben Eltern das Portal ohne Anleitung bedienen lassen und nur zugeschaut. "
            "Nach drei Tests war klar, welche Texte niemand versteht. Das hat uns mehr gebracht "
            "als jedes Lastenheft.",
        ),
        (4820, "moderation", "Frau Lücking, wie haben die Autohäuser reagiert?"),
        (
            4840,
            "hoexter-kfz",
            "Sehr unterschiedlich. Eine feste Ansprechperson im Amt hat am meisten geholfen.",
        ),
        (
            5290,
            "moderation",
            "Vielen Dank nach Höxter und Paderborn. Wir sehen uns gleich im Austausch.",
        ),
    ],
    "guetersloh-2022-01-27": [
        (
            5,
            "moderation",
            "Guten Morgen und willkommen in Gütersloh, zur dritten Veranstaltung unserer Reihe "
            "in Nordrhein-Westfalen.",
        ),
        (
            160,
            "bm-guetersloh",
            "Unsere Bürgerinnen und Bürger erwarten, dass sie Fragen auch abends und am "
            "Wochenende stellen können. Darauf wollten wir eine Antwort finden.",
        ),
        (
            915,
            "guetersloh-cdo",
            "Ein Chatbot ist nur so gut wie die Antworten dahinter. Die Wissensdatenbank pflegen "
            "bei uns die Kolleginnen und Kollegen aus dem Bürgerservice.",
        ),
        (
            1450,
            "guetersloh-cdo",
            "Einen Fehler würde ich nicht wiederholen: Wir haben den Datenschutz erst nach der "
            "Anbieterauswahl gefragt. Das hat uns Wochen gekostet. Holen Sie die "
            "Datenschutzbeauftragte in die erste Sitzung.",
        ),
        (
            3010,
            "lueneburg-bibliothek",
            "Als die Bibliothek schließen musste, hatten wir digitale Medien, aber niemand konnte "
            "sich ohne Besuch vor Ort anmelden. Das haben wir in wenigen Wochen geändert.",
        ),
        (
            3480,
            "lueneburg-bibliothek",
            "Manchmal ist das kleine, pragmatische Projekt das richtige. Wir haben "
            "Standardfunktionen genutzt und nicht auf die perfekte Lösung gewartet.",
        ),
        (
            4820,
            "moderation",
            "Eine Frage an Frau Brökelmann: Speichert der Chatbot, was Menschen eingeben?",
        ),
        (
            4840,
            "guetersloh-cdo",
            "Nein. Wir werten nur aus, welche Fragen er nicht beantworten konnte, ohne Bezug zu "
            "einer Person.",
        ),
        (
            5290,
            "moderation",
            "Herzlichen Dank nach Gütersloh und Lüneburg. Gleich geht es in den Austausch.",
        ),
    ],
}

CHAPTERS = [  # (chapter key, title template, speaker: "moderation"/"greeter"/impulse index)
    ("welcome", "Begrüßung und Ablauf", "moderation"),
    ("greeting", "Grußwort", "greeter"),
    ("impulse1", "Impuls: {impulse}", 0),
    ("impulse2", "Impuls: {impulse}", 1),
    ("questions", "Fragen und Antworten", "moderation"),
    ("closing", "Ausblick und Übergang zum Austausch", "moderation"),
]
