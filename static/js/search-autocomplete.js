/*
 * Initiative K: suggestions while typing on the search page (/suche/).
 *
 * Progressive enhancement: the form works without this script. The script turns the
 * search field into a WAI-ARIA 1.2 combobox with list autocomplete (no automatic
 * selection), https://www.w3.org/WAI/ARIA/apg/patterns/combobox/. Its configuration
 * comes from data-attributes of the form:
 *
 *   data-suggest-url   the JSON endpoint, GET ?q=TEXT&lang=de|en
 *   data-lang          "de" or "en" (strings and suggestions in that language)
 *
 * Choosing a page opens it; a municipality or an OZG-Leistung opens the search page
 * (the form's action) filtered by ?ags=CODE or ?ozg=ID. Server data only ever goes
 * into textContent. Plain ES2017, no library, no inline script (CSP friendly).
 */
(function () {
    "use strict";

    const DEBOUNCE_MS = 200;
    const MIN_LENGTH = 2;
    const MAX_LENGTH = 100;

    const STRINGS = {
        de: {
            listbox: "Vorschläge",
            groups: { pages: "Seiten", municipalities: "Kommunen", ozg_leistungen: "OZG-Leistungen" },
            types: {
                case_study: "Praxisbeispiel",
                learning: "Learning",
                event: "Veranstaltung",
                recording: "Aufzeichnung",
                municipality: "Filter: Kommune",
                ozg_leistung: "Filter: OZG-Leistung",
            },
            count: (n) => (n === 0 ? "Keine Vorschläge" : n === 1 ? "1 Vorschlag" : n + " Vorschläge"),
        },
        en: {
            listbox: "Suggestions",
            groups: { pages: "Pages", municipalities: "Municipalities", ozg_leistungen: "OZG services" },
            types: {
                case_study: "Case study",
                learning: "Learning",
                event: "Event",
                recording: "Recording",
                municipality: "Filter: municipality",
                ozg_leistung: "Filter: OZG service",
            },
            count: (n) => (n === 0 ? "No suggestions" : n === 1 ? "1 suggestion" : n + " suggestions"),
        },
    };
    const GROUPS = ["pages", "municipalities", "ozg_leistungen"];

    function normalise(text) {
        return text.split(/\s+/).filter(Boolean).join(" ");
    }

    function enhance(form) {
        const input = form.querySelector("input[name='q']");
        const suggestUrl = form.getAttribute("data-suggest-url");
        if (!input || !suggestUrl || !window.fetch || !window.AbortController) {
            return;
        }
        const lang = (form.getAttribute("data-lang") || document.documentElement.lang || "de").slice(0, 2);
        const t = STRINGS[lang] || STRINGS.de;
        const inputId = input.id || "search-q";
        const listboxId = inputId + "-listbox";

        // The popup sits right after the field; its parent positions it.
        const listbox = document.createElement("div");
        listbox.id = listboxId;
        listbox.className = "suggest";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", t.listbox);
        listbox.hidden = true;

        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        status.setAttribute("aria-atomic", "true");

        input.parentNode.classList.add("suggest-host");
        input.insertAdjacentElement("afterend", listbox);
        listbox.insertAdjacentElement("afterend", status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listboxId);
        input.setAttribute("aria-activedescendant", "");
        input.setAttribute("autocomplete", "off");

        let options = []; // [{node, item}]
        let active = -1;
        let timer = null;
        let controller = null;
        let sequence = 0;
        let shownFor = null; // the text the current suggestions belong to

        function isOpen() {
            return input.getAttribute("aria-expanded") === "true";
        }

        function setActive(index) {
            if (active >= 0 && options[active]) {
                options[active].node.setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                const node = options[active].node;
                node.setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", node.id);
                node.scrollIntoView({ block: "nearest" });
            } else {
                input.setAttribute("aria-activedescendant", "");
            }
        }

        function open() {
            if (!options.length) {
                return;
            }
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            setActive(-1);
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function cancelPending() {
            window.clearTimeout(timer);
            timer = null;
            if (controller) {
                controller.abort();
                controller = null;
            }
            sequence += 1; // a response already on its way is stale now
        }

        function forget() {
            cancelPending();
            close();
            options = [];
            shownFor = null;
            listbox.textContent = "";
        }

        function announce(message) {
            status.textContent = message;
        }

        function filterUrl(name, value) {
            const url = new URL(form.getAttribute("action") || window.location.pathname, window.location.href);
            url.search = "";
            url.hash = "";
            url.searchParams.set(name, String(value));
            return url.href;
        }

        function targetOf(item) {
            if (item.type === "municipality") {
                return item.ags ? filterUrl("ags", item.ags) : null;
            }
            if (item.type === "ozg_leistung") {
                return item.ozg_id !== null && item.ozg_id !== undefined ? filterUrl("ozg", item.ozg_id) : null;
            }
            return item.url || null;
        }

        function choose(index) {
            const chosen = options[index];
            if (!chosen) {
                return;
            }
            const target = chosen.target;
            forget();
            window.location.assign(target);
        }

        function render(data, text) {
            listbox.textContent = "";
            options = [];
            active = -1;
            input.setAttribute("aria-activedescendant", "");
            GROUPS.forEach((key) => {
                const items = Array.isArray(data[key]) ? data[key] : [];
                let group = null;
                items.forEach((item) => {
                    if (!item || typeof item.label !== "string") {
                        return;
                    }
                    const target = targetOf(item);
                    if (!target) {
                        return;
                    }
                    if (!group) {
                        group = document.createElement("div");
                        group.className = "suggest__group";
                        group.setAttribute("role", "group");
                        group.setAttribute("aria-label", t.groups[key]);
                        const heading = document.createElement("div");
                        heading.className = "suggest__heading";
                        heading.setAttribute("aria-hidden", "true");
                        heading.textContent = t.groups[key];
                        group.appendChild(heading);
                        listbox.appendChild(group);
                    }
                    const node = document.createElement("div");
                    node.className = "suggest__option";
                    node.id = listboxId + "-" + options.length;
                    node.setAttribute("role", "option");
                    node.setAttribute("aria-selected", "false");
                    node.setAttribute("data-type", String(item.type || ""));
                    const label = document.createElement("span");
                    label.className = "suggest__label";
                    label.textContent = item.label;
                    node.appendChild(label);
                    const hint = t.types[item.type];
                    if (hint) {
                        const small = document.createElement("span");
                        small.className = "suggest__hint";
                        small.textContent = hint;
                        // A space between the two, for textContent and accessible name.
                        node.appendChild(document.createTextNode(" "));
                        node.appendChild(small);
                    }
                    const index = options.length;
                    node.addEventListener("click", () => choose(index));
                    group.appendChild(node);
                    options.push({ node: node, item: item, target: target });
                });
            });
            shownFor = text;
            announce(t.count(options.length));
            if (options.length && document.activeElement === input) {
                open();
            } else {
                close();
            }
        }

        async function fetchSuggestions(text) {
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            const mine = ++sequence;
            const url = new URL(suggestUrl, window.location.href);
            url.searchParams.set("q", text);
            url.searchParams.set("lang", lang);
            try {
                const response = await fetch(url.href, {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    signal: controller.signal,
                });
                if (mine !== sequence) {
                    return;
                }
                if (response.status !== 200) {
                    forget();
                    return;
                }
                const data = await response.json();
                // Out of order, or the text changed meanwhile: not for this text.
                if (mine !== sequence || normalise(input.value) !== text) {
                    return;
                }
                controller = null;
                render(data || {}, text);
            } catch (error) {
                if (mine === sequence) {
                    forget(); // network error or bad JSON: the form still submits
                }
            }
        }

        input.addEventListener("input", () => {
            const text = normalise(input.value);
            setActive(-1);
            if (text.length < MIN_LENGTH || text.length > MAX_LENGTH) {
                forget();
                return;
            }
            if (text === shownFor) {
                cancelPending();
                open();
                return;
            }
            window.clearTimeout(timer);
            timer = window.setTimeout(() => {
                timer = null;
                fetchSuggestions(text);
            }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", (event) => {
            if (event.isComposing || event.ctrlKey || event.metaKey) {
                return;
            }
            const count = options.length;
            switch (event.key) {
                case "ArrowDown":
                case "Down":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        if (!event.altKey) {
                            setActive(0);
                        }
                    } else if (!event.altKey) {
                        setActive(active < 0 || active >= count - 1 ? 0 : active + 1);
                    }
                    break;
                case "ArrowUp":
                case "Up":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        setActive(count - 1);
                    } else if (event.altKey) {
                        close();
                    } else {
                        setActive(active <= 0 ? count - 1 : active - 1);
                    }
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    } else {
                        cancelPending();
                        close(); // the form submits as usual
                    }
                    break;
                case "Escape":
                case "Esc":
                    // Chromium clears a search field on Escape by itself; the first
                    // Escape only closes the list, the second clears the field.
                    event.preventDefault();
                    if (isOpen()) {
                        cancelPending();
                        close();
                    } else if (input.value) {
                        input.value = "";
                        forget();
                        announce("");
                    }
                    break;
                case "Tab":
                    cancelPending();
                    close();
                    break;
                case "ArrowLeft":
                case "ArrowRight":
                case "Home":
                case "End":
                    setActive(-1); // the caret moves in the field again
                    break;
                default:
                    break;
            }
        });

        // Keep the focus in the field while an option is clicked.
        listbox.addEventListener("mousedown", (event) => event.preventDefault());

        input.addEventListener("blur", () => {
            cancelPending();
            close();
        });

        document.addEventListener("pointerdown", (event) => {
            if (isOpen() && event.target !== input && !listbox.contains(event.target)) {
                close();
            }
        });

        form.addEventListener("submit", () => {
            cancelPending();
            close();
        });

        // Back/forward cache: do not come back to an open list.
        window.addEventListener("pageshow", (event) => {
            if (event.persisted) {
                forget();
            }
        });
    }

    document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
})();
