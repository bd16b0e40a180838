// A page running a form's embed script on a small fake DOM (just what the script touches), with
// `fetch` answered from the scenario: `node embed_page.js <script> <scenario JSON>`. The visitor
// fills each step's fields from `scenario.fill` and presses Next, then Submit. Prints what
// happened as JSON: the fields drawn per step, the requests sent, the text shown at the end.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [scriptPath, scenarioJson] = process.argv.slice(2);
const scenario = JSON.parse(scenarioJson);

class Node {
  constructor(tag, text) {
    this.tagName = tag;
    this.text = text || "";
    this.attributes = {};
    this.children = [];
    this.parentNode = null;
    this.listeners = {};
    this.hidden = false;
    this.disabled = false;
    this.checked = false;
    this._value = null;
  }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  get name() { return this.getAttribute("name"); }
  get type() { return this.getAttribute("type"); }
  get value() { return this._value !== null ? this._value : this.getAttribute("value") || ""; }
  set value(value) { this._value = String(value); }
  get required() { return "required" in this.attributes; }
  set required(value) {
    if (value) this.attributes.required = "required"; else delete this.attributes.required;
  }
  get textContent() {
    return this.text + this.children.map((child) => child.textContent).join("");
  }
  set textContent(text) { this.text = text; this.children = []; }
  appendChild(child) { child.parentNode = this; this.children.push(child); return child; }
  insertBefore(child, before) {
    child.parentNode = this;
    const index = before ? this.children.indexOf(before) : -1;
    if (index < 0) this.children.push(child); else this.children.splice(index, 0, child);
    return child;
  }
  descendants() { return this.children.flatMap((child) => [child, ...child.descendants()]); }
  matches(selector) {
    return selector.split(",").some((one) => {
      one = one.trim();
      if (one.startsWith(".")) return (this.getAttribute("class") || "").split(" ").includes(one.slice(1));
      const attribute = one.match(/^\[([\w-]+)="(.*)"\]$/);
      if (attribute) return this.getAttribute(attribute[1]) === attribute[2];
      return this.tagName === one;
    });
  }
  querySelectorAll(selector) { return this.descendants().filter((node) => node.matches(selector)); }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  get elements() {
    return { namedItem: (name) => this.querySelector(`[name="${name}"]`) };
  }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  dispatch(type) {
    const event = { type, preventDefault() {} };
    (this.listeners[type] || []).forEach((listener) => listener(event));
  }
  click() {
    if (this.type === "submit") return formOf(this).dispatch("submit");
    this.dispatch("click");
  }
  reportValidity() {
    if (!this.required) return true;
    return this.type === "checkbox" ? this.checked : this.value !== "";
  }
  isShown() { return !this.hidden && (!this.parentNode || this.parentNode.isShown()); }
}

function formOf(node) {
  while (node && node.tagName !== "form") node = node.parentNode;
  return node;
}

const body = new Node("body");
const head = new Node("head");
const scriptTag = body.appendChild(new Node("script"));
scriptTag.src = "https://api.example.com/v1/forms/public/form-1/embed.js";
const sent = [];
let redirectedTo = null;

const document = {
  body, head, currentScript: scriptTag, referrer: "https://search.example/",
  createElement: (tag) => new Node(tag),
  createTextNode: (text) => new Node("#text", text),
  querySelector: (selector) => body.querySelector(selector),
};
const location = {
  href: "https://site.example/landing?utm_source=newsletter",
  search: "?utm_source=newsletter",
  assign: (url) => { redirectedTo = url; },
};
function fetch(url, options) {
  const request = { url, method: options.method, headers: options.headers || {} };
  if (options.body) request.body = JSON.parse(options.body);
  sent.push(request);
  const answer = url.endsWith("/stamp")
    ? { status: 200, body: { stamp: "stamp-1" } }
    : scenario.answer;
  return Promise.resolve({
    ok: answer.status < 300,
    status: answer.status,
    json: () => Promise.resolve(answer.body),
  });
}
const window = { location, crypto: globalThis.crypto };
const context = {
  window, document, fetch, URL, URLSearchParams, crypto: globalThis.crypto,
  CSS: { escape: (text) => String(text).replace(/["\\]/g, "\\$&") },
};
window.window = window;

vm.runInNewContext(fs.readFileSync(scriptPath, "utf8"), context);

const form = body.querySelector("form");
const steps = form.querySelectorAll("fieldset");
const drawn = steps.map((step) => step.querySelectorAll("input, select, textarea")
  .map((control) => control.name).filter(Boolean));
const settle = () => new Promise((resolve) => setImmediate(resolve));

(async () => {
  await settle();
  for (const step of steps) {
    for (const control of step.querySelectorAll("input, select, textarea")) {
      if (!(control.name in scenario.fill)) continue;
      const value = scenario.fill[control.name];
      if (control.type === "checkbox") control.checked = Boolean(value); else control.value = value;
    }
    const next = form.querySelector(".pf-next");
    if (next.isShown()) next.click(); else form.querySelector(".pf-submit").click();
    await settle();
  }
  for (let i = 0; i < 5; i += 1) await settle();
  const shown = body.querySelector(".pf-container");
  process.stdout.write(JSON.stringify({
    drawn,
    honeypot: form.querySelector('[tabindex="-1"]') && form.querySelector('[tabindex="-1"]').name,
    hidden_values: form.querySelectorAll('[type="hidden"]').map((node) => [node.name, node.value]),
    sent,
    widget_scripts: head.children.map((node) => node.getAttribute("src")),
    redirected_to: redirectedTo,
    thank_you: (shown.querySelector(".pf-thank-you") || { textContent: null }).textContent,
    message: (shown.querySelector(".pf-message") || { textContent: null }).textContent,
    errors: shown.querySelectorAll(".pf-error").map((slot) => [slot.getAttribute("data-error-for"), slot.textContent]),
  }));
})();
