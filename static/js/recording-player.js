/*
 * Recording pages (templates/events/recording_page.html): jump links "#t=754"
 * (activated, they move the self-hosted player and start it),
 * the transcript passage being played (aria-current), and external players
 * (YouTube, Vimeo) that load only after the visitor's consent.
 *
 * No inline script: everything is configured through data-attributes, so a strict
 * Content-Security-Policy without 'unsafe-inline' works. Without JavaScript the
 * "#t=" links stay plain anchors and the consent box shows the link to the host.
 */
(function () {
    "use strict";

    var root = document.querySelector("[data-recording-player]");
    if (!root) {
        return;
    }
    var video = root.querySelector("video[data-recording-video]");
    var consent = root.querySelector("[data-video-consent]");
    var transcript = document.querySelector("[data-recording-transcript]");
    var iframe = null;
    var pendingStart = null;

    function secondsFromHash(hash) {
        var match = /^#t=(\d+)s?$/.exec(hash || "");
        return match ? parseInt(match[1], 10) : null;
    }

    /* --- external player after consent ------------------------------------ */

    function embedSrc(start) {
        var base = consent.getAttribute("data-embed-url");
        var provider = consent.getAttribute("data-provider");
        var url = new URL(base);
        if (provider === "youtube") {
            url.searchParams.set("autoplay", "1");
            if (start) {
                url.searchParams.set("start", String(start));
            }
            return url.toString();
        }
        url.searchParams.set("dnt", "1");
        url.searchParams.set("autoplay", "1");
        url.hash = start ? "t=" + start + "s" : "";
        return url.toString();
    }

    function loadExternal(start) {
        if (!iframe) {
            iframe = document.createElement("iframe");
            iframe.className = "video__iframe";
            iframe.setAttribute("title", consent.getAttribute("data-video-title") || "Video");
            iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
            iframe.setAttribute("allowfullscreen", "");
            iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            consent.hidden = true;
            consent.parentNode.insertBefore(iframe, consent.nextSibling);
        }
        iframe.src = embedSrc(start);
        iframe.focus();
    }

    if (consent) {
        var button = consent.querySelector("[data-video-consent-button]");
        if (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                var start = pendingStart !== null ? pendingStart : secondsFromHash(location.hash);
                loadExternal(start || 0);
            });
        }
    }

    /* --- jumping to a moment ------------------------------------------------ */

    function seek(seconds) {
        if (seconds === null) {
            return;
        }
        if (video) {
            var apply = function () {
                video.currentTime = seconds;
            };
            if (video.readyState >= 1) {
                apply();
            } else {
                video.addEventListener("loadedmetadata", apply, { once: true });
                if (video.preload === "none") {
                    video.load();
                }
            }
            highlight(seconds);
        } else if (consent) {
            pendingStart = seconds;
            if (iframe) {
                loadExternal(seconds);
            }
        }
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href^='#t=']") : null;
        if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        var seconds = secondsFromHash(link.getAttribute("href"));
        if (seconds === null) {
            return;
        }
        event.preventDefault();
        if (location.hash !== link.getAttribute("href")) {
            history.pushState(null, "", link.getAttribute("href"));
        }
        seek(seconds);
        if (video) {
            video.focus({ preventScroll: true });
            video.scrollIntoView({ block: "nearest" });
            // The visitor chose a moment (click, or Enter on the focused link): play it.
            // Only here, on their gesture; a "#t=" in the address only moves the player.
            var playing = video.play();
            if (playing && playing.catch) {
                playing.catch(function () {}); // not playable (yet): stays paused
            }
        }
    });

    window.addEventListener("hashchange", function () {
        seek(secondsFromHash(location.hash));
    });

    /* --- transcript: the passage being played ------------------------------- */

    var segments = transcript
        ? Array.prototype.slice.call(transcript.querySelectorAll("[data-start]"))
        : [];
    var current = null;
    var userScrolledAt = 0;

    if (transcript && video) {
        transcript.classList.add("transcript--synced");
        transcript.setAttribute("tabindex", "0");
        ["wheel", "touchmove", "keydown", "pointerdown"].forEach(function (name) {
            transcript.addEventListener(name, function () {
                userScrolledAt = Date.now();
            }, { passive: true });
        });
    }

    function highlight(time) {
        var active = null;
        for (var i = 0; i < segments.length; i++) {
            if (parseInt(segments[i].getAttribute("data-start"), 10) <= time + 0.25) {
                active = segments[i];
            } else {
                break;
            }
        }
        if (active === current) {
            return;
        }
        if (current) {
            current.removeAttribute("aria-current");
        }
        current = active;
        if (!active) {
            return;
        }
        active.setAttribute("aria-current", "true");
        // Scroll only the transcript box, never the page, and not while the
        // visitor is reading elsewhere in it.
        if (Date.now() - userScrolledAt < 5000) {
            return;
        }
        var top = active.offsetTop; // .transcript--synced is position: relative
        if (top < transcript.scrollTop || top + active.offsetHeight > transcript.scrollTop + transcript.clientHeight) {
            transcript.scrollTop = Math.max(0, top - transcript.clientHeight / 3);
        }
    }

    if (video) {
        video.addEventListener("timeupdate", function () {
            highlight(video.currentTime);
        });
        video.addEventListener("seeked", function () {
            highlight(video.currentTime);
        });
    }

    seek(secondsFromHash(location.hash));
})();
