/* commkit checklist form: answers the checklist offline, keeps progress in this browser,
   and downloads a standard answers file (kind: answers). All text goes in via textContent. */
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('commkit-data').textContent);
  var C = DATA.checklist;
  var KEY = DATA.storage_key;
  var DIMS = C.dimensions;
  var LAST = DIMS.length + 1;
  /* Two copies of every save: localStorage (written before the form goes on) and IndexedDB,
     whose "complete" is the browser's own word that it holds the answers. localStorage gives
     no such word: its writes reach the browser's shared copy later, and a tab opened or
     reloaded before then can find an older state, or none. On opening, the newer copy wins. */
  var ROOT = document.documentElement;
  var localKept = true;  /* the last localStorage write was read back */
  var copyKept = true;   /* the IndexedDB copy has not failed */
  var copy = {db: null, state: 'opening', pending: null, acked: 0};
  var state = restore();
  var rev = state.rev || 0;  /* every save counts up, so the newer of the two copies is known */
  var app = document.getElementById('app');
  var notice = el('p', {id: 'storage-notice', 'class': 'notice', role: 'alert'});
  app.parentNode.insertBefore(notice, app);
  probeStorage();
  storageNotice();

  function today() {
    var d = new Date();
    var m = String(d.getMonth() + 1).padStart(2, '0');
    return d.getFullYear() + '-' + m + '-' + String(d.getDate()).padStart(2, '0');
  }
  function fresh() {
    return {
      lang: DATA.lang, step: 0, answers: {},
      meta: {community: DATA.community ? DATA.community.name : '', founded: DATA.community && DATA.community.founded || '', rater: '', role: '', date: today()}
    };
  }
  function parsed(raw) {
    try {
      var s = raw ? JSON.parse(raw) : null;
      if (s && s.answers && s.meta) {
        if (typeof s.meta.founded !== 'string') { s.meta.founded = ''; }
        return s;
      }
    } catch (e) { /* a damaged copy: the other one, or a fresh form */ }
    return null;
  }
  function restore() {
    try {
      return parsed(window.localStorage.getItem(KEY)) || fresh();
    } catch (e) { localKept = false; /* storage off: start fresh */ }
    return fresh();
  }
  function probeStorage() {
    /* Storage turned off, or a private window that refuses every write: say so before the
       first answer, not after the tab is closed. */
    try {
      window.localStorage.setItem(KEY + ':probe', '1');
      window.localStorage.removeItem(KEY + ':probe');
    } catch (e) { localKept = false; }
  }
  function openCopy(done) {
    /* The IndexedDB copy; done(state or null) once it is read, or at once without IndexedDB. */
    function failed() {
      copy.state = 'failed';
      copyKept = false;
      done(null);
    }
    try {
      var req = window.indexedDB.open('commkit-form', 1);
      req.onupgradeneeded = function () { req.result.createObjectStore('answers'); };
      req.onerror = failed;
      req.onblocked = failed;
      req.onsuccess = function () {
        copy.db = req.result;
        copy.state = 'open';
        var read = copy.db.transaction('answers').objectStore('answers').get(KEY);
        read.onsuccess = function () { done(parsed(read.result)); flushCopy(); };
        read.onerror = function () { done(null); flushCopy(); };
      };
    } catch (e) { failed(); }
  }
  function start() {
    /* Show the form once the IndexedDB copy is read, or after 3 s without it; a copy that
       arrives later still wins if it is newer and nothing was changed in the meantime. */
    var shown = false, shownAt = rev;
    function adopt(found) {
      if (!found || (found.rev || 0) <= rev) { return false; }
      state = found;
      rev = found.rev;
      return true;
    }
    var late = window.setTimeout(function () { shown = true; shownAt = rev; render(); }, 3000);
    openCopy(function (found) {
      window.clearTimeout(late);
      if (!shown) { shown = true; adopt(found); render(); } else if (rev === shownAt && adopt(found)) { render(); }
    });
  }
  function flushCopy() {
    var job = copy.pending;
    copy.pending = null;
    if (job) { writeCopy(job.text, job.rev); }
  }
  function writeCopy(text, r) {
    if (copy.state === 'opening') { copy.pending = {text: text, rev: r}; return; }
    if (copy.state !== 'open') { copyKept = false; return; }
    try {
      var tx = copy.db.transaction('answers', 'readwrite');
      tx.objectStore('answers').put(text, KEY);
      tx.oncomplete = function () {
        copyKept = true;
        if (r > copy.acked) { copy.acked = r; ROOT.setAttribute('data-saved-rev', String(r)); }
        storageNotice();
      };
      tx.onerror = tx.onabort = function () { copyKept = false; storageNotice(); };
    } catch (e) { copyKept = false; }
  }
  function save() {
    rev += 1;
    state.rev = rev;
    ROOT.setAttribute('data-rev', String(rev));
    var text = JSON.stringify(state);
    try {
      window.localStorage.setItem(KEY, text);
      localKept = window.localStorage.getItem(KEY) === text;
    } catch (e) { localKept = false; /* storage off or full: the notice says what to do */ }
    writeCopy(text, rev);
    storageNotice();
  }
  function kept() { return localKept || copyKept; }
  function storageNotice() {
    /* Set only when it changes: an alert is read out again each time its text is set. */
    var said = kept() ? '' : ui('storage_off');
    if (notice.textContent !== said) { notice.textContent = said; }
  }
  function tr(t) {
    if (t === null || t === undefined) { return ''; }
    if (typeof t === 'string') { return t; }
    return t[state.lang] || t.en || t[Object.keys(t)[0]];
  }
  function ui(k) { return DATA.ui[state.lang][k] || DATA.ui.en[k] || k; }
  function fmt(s, vals) {
    return s.replace(/\{(\w+)\}/g, function (m, k) { return vals[k] === undefined ? m : vals[k]; });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === true) { e.setAttribute(k, ''); } else if (attrs[k] !== false && attrs[k] !== null) { e.setAttribute(k, attrs[k]); }
      });
    }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  /* ------------------------------------------------------------ rules (as the CLI) */
  function yn(v) {
    if (v === true) { return 'yes'; }
    if (v === false) { return 'no'; }
    if (typeof v === 'string' && (v.toLowerCase() === 'yes' || v.toLowerCase() === 'no')) { return v.toLowerCase(); }
    return v;
  }
  function qscore(q, a) {
    if (!a || a.status !== 'answered' || a.value === undefined || a.value === null) { return null; }
    var v = a.value;
    if (q.type === 'yes_no') { return (yn(v) === 'yes') === q.yes_is_good ? 1 : 0; }
    if (q.type === 'scale') { return (v - q.scale.min) / (q.scale.max - q.scale.min); }
    if (q.type === 'number') {
      var r = 0;
      q.number.bands.forEach(function (b) { if (b.min <= v) { r = b.score; } });
      return r;
    }
    var scores = {};
    q.options.forEach(function (o) { scores[o.id] = o.score; });
    if (q.type === 'choice') { return scores[v]; }
    if (q.type === 'multi') { return Math.min(1, v.reduce(function (s, x) { return s + scores[x]; }, 0)); }
    return null;
  }
  function same(a, b) {
    a = yn(a); b = yn(b);
    if (typeof a === 'number' && typeof b === 'number') { return a === b; }
    return String(a) === String(b);
  }
  function holds(c, seen, scores) {
    if (!c.question) { return false; }
    var a = seen[c.question];
    if (!a || a.status !== 'answered' || a.value === undefined || a.value === null) { return false; }
    if (c.score_below !== undefined && c.score_below !== null) {
      var s = scores[c.question];
      return s !== null && s !== undefined && s < c.score_below;
    }
    var wanted = null;
    if (c.equals !== undefined && c.equals !== null) { wanted = [c.equals]; }
    else if (c.any_of) { wanted = c.any_of; }
    if (wanted) {
      if (Array.isArray(a.value)) {
        return wanted.some(function (w) { return a.value.indexOf(String(w)) >= 0; });
      }
      return wanted.some(function (w) { return same(a.value, w); });
    }
    if (typeof a.value !== 'number') { return false; }
    if (c.at_least !== undefined && c.at_least !== null) { return a.value >= c.at_least; }
    if (c.below !== undefined && c.below !== null) { return a.value < c.below; }
    return false;
  }
  function answerOf(q) {
    var a = state.answers[q.id];
    if (!a) { return null; }
    if (a.status === 'dont_know' || a.status === 'not_applicable') { return {status: a.status}; }
    if (a.value === undefined || a.value === null || a.value === '' ||
        (Array.isArray(a.value) && a.value.length === 0 && q.type !== 'multi')) { return null; }
    if (q.type === 'multi' && !a.touched) { return null; }
    return {status: 'answered', value: a.value};
  }
  function asked() {
    var out = {}, seen = {}, scores = {};
    C.questions.forEach(function (q) {
      if (q.when && !holds(q.when, seen, scores)) { return; }
      out[q.id] = true;
      var a = answerOf(q);
      if (a) { seen[q.id] = a; scores[q.id] = qscore(q, a); }
    });
    return out;
  }
  function numberProblem(q, raw) {
    var text = String(raw).trim().replace(',', '.');
    if (text === '') { return null; }
    if (!/^-?\d+(\.\d+)?$/.test(text)) { return ui('err_number'); }
    var v = Number(text);
    if (q.number.integer && v !== Math.floor(v)) { return ui('err_whole'); }
    if (v < q.number.min) { return fmt(ui('err_min'), {min: q.number.min}); }
    if (q.number.max !== null && q.number.max !== undefined && v > q.number.max) { return fmt(ui('err_max'), {max: q.number.max}); }
    return null;
  }
  function status() {
    var on = asked(), done = 0, total = 0, missing = [];
    C.questions.forEach(function (q) {
      if (!on[q.id]) { return; }
      total += 1;
      if (answerOf(q)) { done += 1; } else if (q.required) { missing.push(q); }
    });
    return {asked: on, done: done, total: total, missing: missing};
  }

  /* ------------------------------------------------------------ answers file */
  function answersFile() {
    var on = asked(), out = {};
    C.questions.forEach(function (q) {
      if (!on[q.id]) { return; }
      var a = answerOf(q), raw = state.answers[q.id] || {};
      if (!a) { return; }
      var note = (raw.note || '').trim();
      if (a.status !== 'answered') {
        out[q.id] = note ? {status: a.status, note: note} : {status: a.status};
      } else {
        var v = a.value;
        if (q.type === 'multi') { v = q.options.map(function (o) { return o.id; }).filter(function (id) { return v.indexOf(id) >= 0; }); }
        out[q.id] = note ? {value: v, note: note} : v;
      }
    });
    var community = {name: state.meta.community.trim()};
    if (DATA.community && DATA.community.slug) { community.slug = DATA.community.slug; }
    var founded = state.meta.founded.trim();
    if (founded && !foundedProblem(founded)) { community.founded = founded; }
    var rater = {name: state.meta.rater.trim()};
    if (state.meta.role.trim()) { rater.role = state.meta.role.trim(); }
    var doc = {kind: 'answers', version: '1', checklist: {id: C.id, version: C.version, hash: C.hash},
      community: community, rater: rater, language: state.lang, answers: out};
    if (/^\d{4}-\d{2}-\d{2}$/.test(state.meta.date)) { doc.date = state.meta.date; }
    return doc;
  }
  function slug(s) {
    /* The same transliteration as commkit's own file names, so a Russian name stays readable. */
    var latin = s.toLowerCase().split('').map(function (ch) {
      return DATA.translit[ch] === undefined ? ch : DATA.translit[ch];
    }).join('');
    return latin.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  }
  function download() {
    var doc = answersFile();
    var text = JSON.stringify(doc, null, 2) + '\n';
    var name = ['answers', slug(doc.community.name) || 'community', slug(doc.rater.name) || 'rater', doc.date || ''].filter(Boolean).join('-') + '.json';
    var blob = new Blob([text], {type: 'application/json'});
    var a = el('a', {href: URL.createObjectURL(blob), download: name});
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    var shown = document.getElementById('file-text');
    if (shown) { shown.value = text; }
  }

  /* ------------------------------------------------------------ screens */
  function header() {
    document.documentElement.lang = state.lang;
    document.title = tr(C.title);
    var h = document.getElementById('top');
    h.textContent = '';
    var bar = el('div', {'class': 'bar'});
    bar.appendChild(el('h1', null, tr(C.title)));
    var sw = el('button', {type: 'button', id: 'lang-switch', lang: state.lang === 'en' ? 'ru' : 'en'}, ui('switch'));
    sw.addEventListener('click', function () { state.lang = state.lang === 'en' ? 'ru' : 'en'; save(); render(); });
    bar.appendChild(sw);
    h.appendChild(bar);
    var st = status();
    var p = el('p', {id: 'progress-text'}, fmt(ui('progress'), {step: state.step + 1, steps: LAST + 1, done: st.done, total: st.total}));
    h.appendChild(p);
    h.appendChild(el('progress', {max: String(st.total || 1), value: String(st.done), 'aria-labelledby': 'progress-text'}));
  }
  function refresh() {
    var st = status();
    C.questions.forEach(function (q, i) {
      var box = document.getElementById('q-' + i);
      if (box) { box.hidden = !st.asked[q.id]; }
    });
    var p = document.getElementById('progress-text');
    if (p) { p.textContent = fmt(ui('progress'), {step: state.step + 1, steps: LAST + 1, done: st.done, total: st.total}); }
    var bar = document.querySelector('header progress');
    if (bar) { bar.setAttribute('max', String(st.total || 1)); bar.setAttribute('value', String(st.done)); }
  }
  function field(id, label, value, attrs, onChange) {
    var wrap = el('div', {'class': 'field'});
    wrap.appendChild(el('label', {'for': id}, label));
    var input = el('input', Object.assign({id: id, value: value}, attrs || {}));
    input.value = value;
    input.addEventListener('input', function () { onChange(input.value); save(); });
    wrap.appendChild(input);
    return wrap;
  }
  function foundedProblem(text) {
    /* As the wizard: 2020, 2020-08 or 2020-08-15, a real date, not in the future. */
    var t = text.trim();
    if (!t) { return null; }
    var m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(t);
    if (!m) { return ui('err_founded'); }
    var y = Number(m[1]), mo = m[2] ? Number(m[2]) : 1, d = m[3] ? Number(m[3]) : 1;
    var day = new Date(y, mo - 1, d);
    if (day.getFullYear() !== y || day.getMonth() !== mo - 1 || day.getDate() !== d) { return ui('err_founded'); }
    var start = m[1] + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0');
    if (start > today()) { return ui('err_founded_future'); }
    return null;
  }
  function foundedField(m) {
    var id = 'meta-founded';
    var wrap = el('div', {'class': 'field'});
    wrap.appendChild(el('label', {'for': id}, ui('founded')));
    wrap.appendChild(el('p', {id: id + '-hint', 'class': 'hint'}, ui('founded_hint')));
    var input = el('input', {id: id, type: 'text', autocomplete: 'off', placeholder: '2020-08', maxlength: '10', 'aria-describedby': id + '-hint ' + id + '-err'});
    input.value = m.founded;
    var err = el('p', {id: id + '-err', 'class': 'error', 'aria-live': 'polite'});
    function check() {
      var problem = foundedProblem(input.value);
      err.textContent = problem || '';
      input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    }
    input.addEventListener('input', function () { m.founded = input.value; save(); check(); });
    check();
    wrap.appendChild(input);
    wrap.appendChild(err);
    return wrap;
  }
  function startScreen(main) {
    main.appendChild(el('h2', {tabindex: '-1'}, ui('start_title')));
    if (C.description) { main.appendChild(el('p', null, tr(C.description))); }
    main.appendChild(el('p', null, ui(kept() ? 'start_intro' : 'start_intro_unkept')));
    var m = state.meta;
    main.appendChild(field('meta-community', ui('community'), m.community, {required: true, autocomplete: 'organization'}, function (v) { m.community = v; }));
    main.appendChild(foundedField(m));
    main.appendChild(field('meta-rater', ui('rater'), m.rater, {required: true, autocomplete: 'name'}, function (v) { m.rater = v; }));
    main.appendChild(field('meta-role', ui('role'), m.role, {autocomplete: 'organization-title'}, function (v) { m.role = v; }));
    main.appendChild(field('meta-date', ui('date'), m.date, {type: 'date'}, function (v) { m.date = v; }));
  }
  function setAnswer(q, patch) {
    var a = state.answers[q.id] || {};
    Object.keys(patch).forEach(function (k) { a[k] = patch[k]; });
    state.answers[q.id] = a;
    save();
    refresh();
  }
  function choiceList(q) {
    if (q.type === 'scale') {
      var out = [];
      for (var n = q.scale.min; n <= q.scale.max; n += 1) {
        var lab = q.scale.labels[String(n)];
        out.push({value: n, label: lab ? n + ' — ' + tr(lab) : String(n)});
      }
      return out;
    }
    if (q.type === 'yes_no') { return [{value: 'yes', label: ui('yes')}, {value: 'no', label: ui('no')}]; }
    return q.options.map(function (o) { return {value: o.id, label: tr(o.label)}; });
  }
  function questionBox(q, i) {
    var a = state.answers[q.id] || {};
    var box = el('fieldset', {id: 'q-' + i, 'class': 'question', 'data-qid': q.id});
    var legend = el('legend', null, tr(q.text));
    if (!q.required && tr(q.text).toLowerCase().indexOf(ui('optional').replace(/[()]/g, '')) < 0) {
      legend.appendChild(el('span', {'class': 'optional'}, ' ' + ui('optional')));
    }
    box.appendChild(legend);
    if (q.help) {
      var d = el('details', {'class': 'help'});
      d.appendChild(el('summary', null, ui('help')));
      d.appendChild(el('p', null, tr(q.help)));
      box.appendChild(d);
    }
    var inputs = [];
    var off = a.status === 'dont_know' || a.status === 'not_applicable';
    if (q.type === 'scale' || q.type === 'yes_no' || q.type === 'choice' || q.type === 'multi') {
      var multi = q.type === 'multi';
      var group = el('div', {'class': 'options' + (q.type === 'scale' ? ' scale' : '')});
      choiceList(q).forEach(function (c, k) {
        var id = 'q-' + i + '-' + k;
        var lab = el('label', {'for': id});
        var input = el('input', {type: multi ? 'checkbox' : 'radio', name: 'q-' + i, id: id, value: String(c.value)});
        input.checked = multi ? (Array.isArray(a.value) && a.value.indexOf(c.value) >= 0) : a.value === c.value;
        input.disabled = off;
        input.addEventListener('change', function () {
          if (multi) {
            var chosen = Array.isArray(a.value) ? a.value.slice() : [];
            var at = chosen.indexOf(c.value);
            if (input.checked && at < 0) { chosen.push(c.value); }
            if (!input.checked && at >= 0) { chosen.splice(at, 1); }
            a.value = chosen;
            setAnswer(q, {value: chosen, status: 'answered', touched: true});
          } else {
            a.value = c.value;
            setAnswer(q, {value: c.value, status: 'answered'});
          }
        });
        inputs.push(input);
        lab.appendChild(input);
        lab.appendChild(el('span', null, c.label));
        group.appendChild(lab);
      });
      box.appendChild(group);
      if (multi) { box.appendChild(el('p', {'class': 'hint'}, ui('multi_hint'))); }
    } else if (q.type === 'number') {
      var nid = 'q-' + i + '-value';
      var wrap = el('div', {'class': 'number'});
      var unit = q.number.unit ? tr(q.number.unit) : '';
      var nlab = el('label', {'for': nid, 'class': 'visually-hidden'}, tr(q.text) + (unit ? ' (' + unit + ')' : ''));
      var num = el('input', {id: nid, type: 'text', inputmode: q.number.integer ? 'numeric' : 'decimal', autocomplete: 'off', 'aria-describedby': nid + '-err'});
      num.value = a.raw !== undefined ? a.raw : (a.value !== undefined && a.value !== null ? String(a.value) : '');
      num.disabled = off;
      var err = el('p', {id: nid + '-err', 'class': 'error', 'aria-live': 'polite'});
      num.addEventListener('input', function () {
        var problem = numberProblem(q, num.value);
        err.textContent = problem || '';
        num.setAttribute('aria-invalid', problem ? 'true' : 'false');
        var text = num.value.trim().replace(',', '.');
        setAnswer(q, {raw: num.value, status: 'answered', value: problem || text === '' ? null : Number(text)});
      });
      err.textContent = numberProblem(q, num.value) || '';
      inputs.push(num);
      wrap.appendChild(nlab);
      wrap.appendChild(num);
      if (unit) { wrap.appendChild(el('span', {'class': 'unit'}, unit)); }
      box.appendChild(wrap);
      box.appendChild(err);
    } else {
      var tid = 'q-' + i + '-value';
      box.appendChild(el('label', {'for': tid, 'class': 'visually-hidden'}, tr(q.text)));
      var ta = el('textarea', {id: tid, rows: '3'});
      ta.value = typeof a.value === 'string' ? a.value : '';
      ta.disabled = off;
      ta.addEventListener('input', function () { setAnswer(q, {value: ta.value, status: 'answered'}); });
      inputs.push(ta);
      box.appendChild(ta);
    }
    var row = el('div', {'class': 'status'});
    [['dont_know', ui('dont_know')], ['not_applicable', ui('not_applicable')]].forEach(function (s) {
      var id = 'q-' + i + '-' + s[0];
      var lab = el('label', {'for': id});
      var cb = el('input', {type: 'checkbox', id: id, 'data-status': s[0]});
      cb.checked = a.status === s[0];
      cb.addEventListener('change', function () {
        row.querySelectorAll('input').forEach(function (o) { if (o !== cb) { o.checked = false; } });
        var on = cb.checked;
        inputs.forEach(function (x) { x.disabled = on; });
        setAnswer(q, {status: on ? s[0] : 'answered'});
      });
      lab.appendChild(cb);
      lab.appendChild(el('span', null, s[1]));
      row.appendChild(lab);
    });
    box.appendChild(row);
    var nd = el('details', {'class': 'note'});
    if (a.note) { nd.open = true; }
    nd.appendChild(el('summary', null, ui('note')));
    var noteId = 'q-' + i + '-note';
    nd.appendChild(el('label', {'for': noteId}, ui('note_label')));
    var note = el('textarea', {id: noteId, rows: '2', maxlength: '2000'});
    note.value = a.note || '';
    note.addEventListener('input', function () { setAnswer(q, {note: note.value}); });
    nd.appendChild(note);
    box.appendChild(nd);
    return box;
  }
  function dimensionScreen(main, d) {
    var dim = DIMS[d];
    main.appendChild(el('h2', {tabindex: '-1'}, fmt(ui('dimension_n'), {n: d + 1, total: DIMS.length}) + ' ' + tr(dim.title)));
    if (dim.description) { main.appendChild(el('p', {'class': 'lead'}, tr(dim.description))); }
    C.questions.forEach(function (q, i) {
      if (q.dimension === dim.id) { main.appendChild(questionBox(q, i)); }
    });
  }
  function shown(q) {
    var a = answerOf(q);
    if (!a) { return ui('unanswered'); }
    if (a.status === 'dont_know') { return ui('dont_know'); }
    if (a.status === 'not_applicable') { return ui('not_applicable'); }
    var v = a.value;
    if (q.type === 'yes_no') { return ui(yn(v)); }
    if (q.type === 'choice' || q.type === 'multi') {
      var names = {};
      q.options.forEach(function (o) { names[o.id] = tr(o.label); });
      return (Array.isArray(v) ? v : [v]).map(function (x) { return names[x] || x; }).join(', ') || '—';
    }
    if (q.type === 'number' && q.number.unit) { return v + ' ' + tr(q.number.unit); }
    if (q.type === 'scale') {
      var lab = q.scale.labels[String(v)];
      return v + (lab ? ' — ' + tr(lab) : '') + ' (' + q.scale.min + '–' + q.scale.max + ')';
    }
    return String(v);
  }
  function goTo(step, focusId) {
    state.step = step;
    save();
    render(focusId);
  }
  function reviewScreen(main) {
    main.appendChild(el('h2', {tabindex: '-1'}, ui('review_title')));
    var st = status();
    var problems = [];
    if (!state.meta.community.trim()) { problems.push([ui('community'), 0, 'meta-community']); }
    if (!state.meta.rater.trim()) { problems.push([ui('rater'), 0, 'meta-rater']); }
    if (foundedProblem(state.meta.founded)) { problems.push([ui('founded'), 0, 'meta-founded']); }
    st.missing.forEach(function (q) {
      var i = C.questions.indexOf(q);
      problems.push([tr(q.text), 1 + DIMS.map(function (x) { return x.id; }).indexOf(q.dimension), 'q-' + i]);
    });
    var box = el('section', {'class': problems.length ? 'missing' : 'ready', 'aria-live': 'polite'});
    if (problems.length) {
      box.appendChild(el('p', null, fmt(ui('missing'), {n: problems.length})));
      var ul = el('ul');
      problems.forEach(function (p) {
        var li = el('li');
        var b = el('button', {type: 'button', 'class': 'link'}, p[0]);
        b.addEventListener('click', function () { goTo(p[1], p[2]); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    } else {
      box.appendChild(el('p', null, ui('ready')));
    }
    main.appendChild(box);
    var dl = el('button', {type: 'button', id: 'download', 'class': 'primary'}, ui('download'));
    dl.disabled = problems.length > 0;
    dl.addEventListener('click', download);
    main.appendChild(dl);
    main.appendChild(el('p', {'class': 'hint'}, ui('download_hint')));
    var show = el('details');
    show.appendChild(el('summary', null, ui('show_file')));
    show.appendChild(el('label', {'for': 'file-text', 'class': 'visually-hidden'}, ui('show_file')));
    var ta = el('textarea', {id: 'file-text', rows: '8', readonly: true});
    show.addEventListener('toggle', function () { if (show.open) { ta.value = JSON.stringify(answersFile(), null, 2) + '\n'; } });
    show.appendChild(ta);
    main.appendChild(show);
    DIMS.forEach(function (dim, d) {
      main.appendChild(el('h3', null, tr(dim.title)));
      var dlist = el('dl');
      C.questions.forEach(function (q, i) {
        if (q.dimension !== dim.id || !st.asked[q.id]) { return; }
        var dt = el('dt', null, tr(q.text));
        var dd = el('dd');
        dd.appendChild(el('span', null, shown(q)));
        var note = (state.answers[q.id] || {}).note;
        if (note) { dd.appendChild(el('span', {'class': 'note-text'}, ' — ' + note)); }
        var ch = el('button', {type: 'button', 'class': 'link', 'aria-label': ui('change') + ': ' + tr(q.text)}, ui('change'));
        ch.addEventListener('click', function () { goTo(d + 1, 'q-' + i); });
        dd.appendChild(document.createTextNode(' '));
        dd.appendChild(ch);
        dlist.appendChild(dt);
        dlist.appendChild(dd);
      });
      main.appendChild(dlist);
    });
    var reset = el('button', {type: 'button', id: 'start-over', 'class': 'quiet'}, ui('start_over'));
    reset.addEventListener('click', function () {
      if (window.confirm(ui('start_over_confirm'))) {
        var lang = state.lang;
        state = fresh();
        state.lang = lang;
        save();
        render();
      }
    });
    main.appendChild(reset);
  }
  function render(focusId) {
    header();
    storageNotice();
    app.textContent = '';
    var main = el('div');
    if (state.step <= 0) { state.step = 0; startScreen(main); }
    else if (state.step >= LAST) { state.step = LAST; reviewScreen(main); }
    else { dimensionScreen(main, state.step - 1); }
    app.appendChild(main);
    var nav = el('nav', {'class': 'steps', 'aria-label': ui('steps')});
    if (state.step > 0) {
      var back = el('button', {type: 'button', id: 'back'}, ui('back'));
      back.addEventListener('click', function () { goTo(state.step - 1); });
      nav.appendChild(back);
    }
    if (state.step < LAST) {
      var next = el('button', {type: 'button', id: 'next', 'class': 'primary'}, state.step === LAST - 1 ? ui('to_review') : ui('next'));
      next.addEventListener('click', function () { goTo(state.step + 1); });
      nav.appendChild(next);
    }
    app.appendChild(nav);
    refresh();
    var target = focusId ? document.getElementById(focusId) : null;
    if (target) {
      target.scrollIntoView();
      var first = target.matches('input, textarea') ? target : target.querySelector('input, textarea');
      (first || target).focus();
    } else if (focusId !== undefined || render.started) {
      window.scrollTo(0, 0);
      var h2 = app.querySelector('h2');
      if (h2) { h2.focus(); }
    }
    render.started = true;
  }
  /* Leaving the page (closing the tab, reloading, switching away on a phone) saves once more,
     once the form is shown (before that, the state may not yet be the newer copy). */
  window.addEventListener('pagehide', function () { if (render.started) { save(); } });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && render.started) { save(); }
  });
  start();
}());
