/* A public form of the platform, drawn where this script tag stands (or into the element
 * `data-platform-form="<form id>"` when the page has one). Rendered by internal_api.public.embed,
 * which puts the form's definition in place of __FORM_CONFIG__ (JSON, escaped for any page). */
(function (config) {
  "use strict";
  var form = config.form;
  var script = document.currentScript;
  var api = config.api || (script && script.src ? new URL(script.src).origin : "");
  var base = api + "/v1/forms/public/" + encodeURIComponent(form.id);
  var WIDGETS = {
    hcaptcha: { url: "https://js.hcaptcha.com/1/api.js", global: "hcaptcha" },
    turnstile: {
      url: "https://challenges.cloudflare.com/turnstile/v0/api.js",
      global: "turnstile"
    }
  };
  var state = { step: 0, stamp: "", captchaToken: "", captchaWidget: null, submissionId: "" };
  var instance = "pf-" + Math.random().toString(36).slice(2, 8);

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function container() {
    var chosen = document.querySelector('[data-platform-form="' + CSS.escape(form.id) + '"]');
    if (chosen) return chosen;
    var made = element("div", { class: "pf-container" });
    if (script && script.parentNode) {
      script.parentNode.insertBefore(made, script.nextSibling);
    } else {
      document.body.appendChild(made);
    }
    return made;
  }

  function newSubmissionId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  function fieldId(field) {
    return instance + "-" + field.key;
  }

  function kindOf(field) {
    return String(field.kind || "text").replace("-", "_");
  }

  function input(field, type) {
    var attributes = { id: fieldId(field), name: field.key, type: type };
    if (field.required) attributes.required = "required";
    if (field.placeholder) attributes.placeholder = field.placeholder;
    return element("input", attributes);
  }

  function choices(field, type) {
    var group = element("div", { class: "pf-choices", id: fieldId(field), role: "group" });
    (field.options || []).forEach(function (option, index) {
      var label = element("label", { class: "pf-choice" });
      var box = element("input", { type: type, name: field.key, value: option.value });
      if (field.required && type === "radio" && index === 0) box.required = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + option.label));
      group.appendChild(label);
    });
    return group;
  }

  function control(field) {
    switch (kindOf(field)) {
      case "email": return input(field, "email");
      case "phone": return input(field, "tel");
      case "number": return input(field, "number");
      case "date": return input(field, "date");
      case "checkbox":
      case "consent": return input(field, "checkbox");
      case "multi_select": return choices(field, "checkbox");
      case "textarea": {
        var area = element("textarea", { id: fieldId(field), name: field.key });
        area.required = Boolean(field.required);
        return area;
      }
      case "select": {
        var select = element("select", { id: fieldId(field), name: field.key });
        select.required = Boolean(field.required);
        select.appendChild(element("option", { value: "" }, field.placeholder || ""));
        (field.options || []).forEach(function (option) {
          select.appendChild(element("option", { value: option.value }, option.label));
        });
        return select;
      }
      default: return input(field, "text");
    }
  }

  function hiddenValue(field) {
    var fromPage = new URLSearchParams(window.location.search).get(field.key);
    return fromPage !== null ? fromPage : field.value || "";
  }

  function renderField(field) {
    if (kindOf(field) === "hidden") {
      return element("input", { type: "hidden", name: field.key, value: hiddenValue(field) });
    }
    var wrapper = element("div", { class: "pf-field pf-" + kindOf(field) });
    var label = element("label", { for: fieldId(field) }, field.label || field.key);
    if (field.required) label.appendChild(element("span", { class: "pf-required" }, " *"));
    wrapper.appendChild(label);
    wrapper.appendChild(control(field));
    wrapper.appendChild(element("div", { class: "pf-error", "data-error-for": field.key }));
    return wrapper;
  }

  function honeypot() {
    // Out of sight and out of the tab order: people leave it empty, form-filling bots do not.
    var trap = element("div", {
      "aria-hidden": "true",
      style: "position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden"
    });
    trap.appendChild(element("input", {
      type: "text", name: form.honeypot_field, tabindex: "-1", autocomplete: "off"
    }));
    return trap;
  }

  function valueOf(formElement, field) {
    var kind = kindOf(field);
    if (kind === "multi_select") {
      return Array.prototype.filter.call(
        formElement.querySelectorAll('[name="' + CSS.escape(field.key) + '"]'),
        function (box) { return box.checked; }
      ).map(function (box) { return box.value; });
    }
    var named = formElement.elements.namedItem(field.key);
    if (!named) return null;
    if (kind === "checkbox" || kind === "consent") return named.checked;
    return named.value;
  }

  function loadCaptcha(slot) {
    var captcha = form.captcha;
    if (!captcha) return;
    var onToken = function (token) { state.captchaToken = token; };
    if (captcha.provider === "local") {
      var label = element("label", { class: "pf-local-captcha" });
      var box = element("input", { type: "checkbox" });
      box.addEventListener("change", function () {
        onToken(box.checked ? config.local_captcha_token : "");
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" I am not a robot (local test captcha)"));
      slot.appendChild(label);
      return;
    }
    var widget = WIDGETS[captcha.provider];
    var draw = function () {
      state.captchaWidget = window[widget.global].render(slot, {
        sitekey: captcha.site_key,
        callback: onToken,
        "expired-callback": function () { onToken(""); }
      });
    };
    if (window[widget.global]) return draw();
    var callback = instance.replace("-", "_") + "_captcha";
    window[callback] = draw;
    document.head.appendChild(element("script", {
      src: widget.url + "?render=explicit&onload=" + callback, async: "async", defer: "defer"
    }));
  }

  function resetCaptcha() {
    state.captchaToken = "";
    var widget = form.captcha && WIDGETS[form.captcha.provider];
    if (widget && window[widget.global] && state.captchaWidget !== null) {
      window[widget.global].reset(state.captchaWidget);
    }
  }

  function fetchStamp() {
    return fetch(base + "/stamp", { method: "GET", mode: "cors", credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : { stamp: "" }; })
      .then(function (answer) { state.stamp = answer.stamp || ""; })
      .catch(function () { state.stamp = ""; });
  }

  function showStep(steps, buttons) {
    steps.forEach(function (step, index) { step.hidden = index !== state.step; });
    buttons.back.hidden = state.step === 0;
    buttons.next.hidden = state.step === steps.length - 1;
    buttons.submit.hidden = state.step !== steps.length - 1;
  }

  function stepIsValid(step) {
    var controls = step.querySelectorAll("input, select, textarea");
    return Array.prototype.every.call(controls, function (node) { return node.reportValidity(); });
  }

  function showErrors(formElement, answer) {
    var error = (answer && answer.error) || {};
    var general = formElement.querySelector(".pf-message");
    general.textContent = error.message || "The form could not be sent; please try again.";
    (error.details || []).forEach(function (detail) {
      var key = String(detail.field || "").split(".").pop();
      var slot = formElement.querySelector('[data-error-for="' + CSS.escape(key) + '"]');
      if (slot) slot.textContent = detail.message || "";
    });
    if (error.code === "captcha_failed") resetCaptcha();
  }

  function body(formElement) {
    var fields = {};
    form.steps.forEach(function (step) {
      step.fields.forEach(function (field) { fields[field.key] = valueOf(formElement, field); });
    });
    fields[form.honeypot_field] = formElement.elements.namedItem(form.honeypot_field).value;
    return {
      submission_id: state.submissionId,
      render_stamp: state.stamp,
      captcha_token: state.captchaToken,
      fields: fields,
      page: { url: window.location.href, referrer: document.referrer }
    };
  }

  function finish(root) {
    if (form.redirect_url && /^https?:\/\//i.test(form.redirect_url)) {
      window.location.assign(form.redirect_url);
      return;
    }
    root.textContent = "";
    root.appendChild(element("div", { class: "pf-thank-you" }, form.thank_you_message));
  }

  function submit(root, formElement, button) {
    Array.prototype.forEach.call(formElement.querySelectorAll(".pf-error"), function (slot) {
      slot.textContent = "";
    });
    if (form.captcha && !state.captchaToken) {
      formElement.querySelector(".pf-message").textContent = "Please complete the captcha.";
      return;
    }
    // One id per filled form: a retry after a lost answer is the same submission, not a second.
    state.submissionId = state.submissionId || newSubmissionId();
    button.disabled = true;
    fetch(base + "/submissions", {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json", "Idempotency-Key": state.submissionId },
      body: JSON.stringify(body(formElement))
    }).then(function (response) {
      if (response.ok) return finish(root);
      return response.json().catch(function () { return null; }).then(function (answer) {
        showErrors(formElement, answer);
      });
    }).catch(function () {
      showErrors(formElement, null);
    }).then(function () { button.disabled = false; });
  }

  function render() {
    var root = container();
    var formElement = element("form", { class: "pf-form", novalidate: "novalidate" });
    if (form.name) formElement.appendChild(element("h3", { class: "pf-title" }, form.name));
    var steps = form.steps.map(function (step) {
      var fieldset = element("fieldset", { class: "pf-step" });
      if (step.title) fieldset.appendChild(element("legend", {}, step.title));
      step.fields.forEach(function (field) { fieldset.appendChild(renderField(field)); });
      formElement.appendChild(fieldset);
      return fieldset;
    });
    var captchaSlot = element("div", { class: "pf-captcha" });
    steps[steps.length - 1].appendChild(captchaSlot);
    formElement.appendChild(honeypot());
    formElement.appendChild(element("div", { class: "pf-message", role: "alert" }));
    var buttons = {
      back: element("button", { type: "button", class: "pf-back" }, "Back"),
      next: element("button", { type: "button", class: "pf-next" }, "Next"),
      submit: element("button", { type: "submit", class: "pf-submit" }, form.submit_label)
    };
    Object.keys(buttons).forEach(function (name) { formElement.appendChild(buttons[name]); });
    buttons.back.addEventListener("click", function () {
      state.step -= 1;
      showStep(steps, buttons);
    });
    buttons.next.addEventListener("click", function () {
      if (!stepIsValid(steps[state.step])) return;
      state.step += 1;
      showStep(steps, buttons);
    });
    formElement.addEventListener("submit", function (event) {
      event.preventDefault();
      if (stepIsValid(steps[state.step])) submit(root, formElement, buttons.submit);
    });
    showStep(steps, buttons);
    root.appendChild(formElement);
    loadCaptcha(captchaSlot);
    fetchStamp();
  }

  render();
})(__FORM_CONFIG__);
