// tiekartta web app: small enhancements over server-rendered forms (each page works without it).
"use strict";

function readEvents(buffer, onEvent) {
  // Split server-sent events; returns what is left of an unfinished event.
  let cut;
  while ((cut = buffer.indexOf("\n\n")) >= 0) {
    const block = buffer.slice(0, cut);
    buffer = buffer.slice(cut + 2);
    let event = "message", data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data += line.slice(5).trim();
    }
    if (data) onEvent(event, JSON.parse(data));
  }
  return buffer;
}

function setupAsk() {
  const form = document.getElementById("ask-form");
  if (!form) return;
  const pending = document.getElementById("pending");
  const error = document.getElementById("ask-error");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    error.hidden = true;
    pending.hidden = false;
    pending.textContent = "";
    let finished = false;
    try {
      const response = await fetch(form.dataset.stream, { method: "POST", body: new FormData(form) });
      if (!response.ok) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = readEvents(buffer + decoder.decode(value, { stream: true }).replace(/\r/g, ""), (event, payload) => {
          if (event === "token") pending.textContent += payload.text;
          else if (event === "done") { finished = true; window.location.assign(payload.url); }
          else if (event === "error") { error.textContent = payload.detail; error.hidden = false; }
        });
      }
    } catch (err) {
      form.submit(); // the plain form still works: let the server answer the whole page
      return;
    } finally {
      if (!finished) { button.disabled = false; pending.setAttribute("aria-busy", "false"); }
    }
  });
  form.querySelector("textarea").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
}

function setupCopy() {
  document.addEventListener("click", async (e) => {
    const button = e.target.closest("[data-copy]");
    if (!button) return;
    const status = button.parentElement.querySelector(".copied");
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      if (status) status.textContent = document.documentElement.lang === "sv" ? "Kopierat." :
        document.documentElement.lang === "en" ? "Copied." : "Kopioitu.";
    } catch (err) {
      if (status) status.textContent = "✖";
    }
  });
}

function setupConfirm() {
  document.addEventListener("submit", (e) => {
    const form = e.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
  });
}

function setupReviewKeys() {
  // 1..9 toggle a theme, 0 toggles "none", a = accept the suggestion, s = save.
  document.addEventListener("keydown", (e) => {
    const review = document.querySelector("[data-review] form");
    if (!review || e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" && e.target.type !== "checkbox" || tag === "textarea" || tag === "select") return;
    const box = review.querySelector(`input[data-key="${e.key}"]`);
    if (box) { box.checked = !box.checked; e.preventDefault(); return; }
    if (e.key === "a" || e.key === "A") {
      const suggested = (document.querySelector("[data-suggested]").dataset.suggested || "").split(",");
      review.querySelectorAll("input[name=labels]").forEach((b) => { b.checked = suggested.includes(b.value); });
      review.requestSubmit(); e.preventDefault();
    } else if (e.key === "s" || e.key === "S") {
      review.requestSubmit(); e.preventDefault();
    }
  });
  // After htmx shows the next item, keyboard focus goes to its first label.
  document.body.addEventListener("htmx:afterSwap", () => {
    const next = document.querySelector("#review input[name=labels]");
    if (next) next.focus();
  });
}

function setupUpload() {
  // Several files: one request per file, each with its own progress bar and ingest report.
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = form.querySelector("input[type=file]");
  const zone = form.querySelector("[data-dropzone]");
  const results = document.getElementById("upload-results");
  const csrf = form.querySelector("input[name=csrf]").value;
  ["dragenter", "dragover"].forEach((n) => zone.addEventListener(n, (e) => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((n) => zone.addEventListener(n, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (e) => { e.preventDefault(); input.files = e.dataTransfer.files; });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    results.innerHTML = "";
    const files = Array.from(input.files);
    let chain = Promise.resolve();
    for (const file of files) {
      const row = document.createElement("div");
      row.className = "file-row";
      const name = document.createElement("strong");
      name.textContent = file.name;
      const bar = document.createElement("progress");
      bar.max = 100; bar.value = 0; bar.setAttribute("aria-label", file.name);
      const out = document.createElement("div");
      row.append(name, bar, out);
      results.append(row);
      chain = chain.then(() => new Promise((resolve) => {
        const body = new FormData();
        body.append("csrf", csrf);
        body.append("files", file);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", form.dataset.perFile);
        xhr.upload.onprogress = (ev) => { if (ev.lengthComputable) bar.value = Math.round(90 * ev.loaded / ev.total); };
        xhr.onload = () => { bar.value = 100; out.innerHTML = xhr.responseText; resolve(); };
        xhr.onerror = () => { out.textContent = "✖"; resolve(); };
        xhr.send(body);
      }));
    }
  });
}

function focusTarget() {
  const id = window.location.hash.slice(1);
  const target = id && document.getElementById(id);
  if (target && target.hasAttribute("tabindex")) target.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  setupAsk(); setupCopy(); setupConfirm(); setupReviewKeys(); setupUpload(); focusTarget();
});
