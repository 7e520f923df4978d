/* tracuu-web: the page. Every value from the server is put in the page
 * with textContent or as an attribute, never as markup. */
'use strict';

(function () {
  const I18N = {
    vi: {
      brand: 'Tra cứu báo cáo', tagline: 'Tìm kiếm và hỏi đáp trên kho báo cáo',
      box: 'Tìm kiếm hoặc đặt câu hỏi', go: 'Tìm', busy: 'Đang tìm…', lang: 'English',
      placeholder: 'Ví dụ: tất cả các khoản phạt về thông tin sai sự thật năm 2024',
      facets: 'Lọc theo', csv: 'Tải CSV', json: 'Tải JSON', print: 'In',
      c_period: 'Kỳ', c_province: 'Tỉnh', c_action: 'Biện pháp', c_status: 'Tình trạng',
      c_categories: 'Lĩnh vực', c_amount: 'Số tiền (đồng)', c_violators: 'Đối tượng',
      c_who: 'Ai', c_sources: 'Nguồn', c_line: 'Dòng',
      trend: 'Xu hướng', by: 'theo', by_year: 'năm', by_quarter: 'quý', by_month: 'tháng',
      by_province: 'tỉnh', by_category: 'lĩnh vực', g_value: 'Giá trị', g_cases: 'Số vụ',
      g_amount: 'Số tiền (đồng)', sort: 'Sắp xếp', s_relevance: 'liên quan nhất',
      s_newest: 'mới nhất', s_oldest: 'cũ nhất', back: '← Quay lại kết quả',
      report_cases: 'Các vụ việc trong báo cáo', report_text: 'Toàn văn',
      text_note: 'Văn bản đã trích xuất; số dòng là số dòng của kết quả và nguồn.',
      foot: 'tracuu: mỗi con số kèm nguồn của nó.', api: 'API',
      understood: 'Hiểu là', ignored: 'bỏ qua', remove: 'Bỏ lọc',
      total: 'Tổng cộng', dong: 'đồng', about: 'khoảng ',
      sanctions: (n) => n + ' vụ việc được tính',
      reports: (n) => n + ' báo cáo',
      range: (a, b, n) => a + '–' + b + ' trong ' + n,
      cases_range: (a, b, n) => 'Vụ việc ' + a + '–' + b + ' trong ' + n,
      prev: '‹ Trước', next: 'Sau ›', none: 'Không có kết quả.', nocase: 'Không có vụ việc nào.',
      each: ' mỗi đối tượng', org: 'tổ chức', ind: 'cá nhân', line: 'dòng', page: 'trang',
      ocr: 'OCR: nên kiểm tra lại', chart_amount: 'Số tiền (đồng) theo ', chart_count: 'Số vụ theo ',
      f_province: 'Tỉnh', f_year: 'Năm', f_category: 'Lĩnh vực', f_platform: 'Nền tảng',
      f_action: 'Biện pháp', f_status: 'Tình trạng', f_violator: 'Đối tượng',
      m_file: 'Tệp', m_number: 'Số hiệu', m_kind: 'Loại', m_title: 'Trích yếu', m_date: 'Ngày',
      m_place: 'Nơi ban hành', m_agency: 'Cơ quan', m_signer: 'Người ký', m_period: 'Kỳ báo cáo',
      m_province: 'Tỉnh', m_lines: 'Số dòng', m_encoding: 'Mã hóa', m_marks: 'Số chỗ khớp',
      printed: 'In ngày ', question: 'Câu hỏi: ', headline: 'tin trích dẫn',
      how: (t) => {
        const parts = [t.sanctions + ' vụ việc được tính (' + t.with_amount + ' vụ có số tiền)'];
        if (t.members) parts.push(t.members + ' vụ thành phần hiển thị dưới vụ tổng hợp, không cộng lại');
        if (t.per_violator) parts.push(t.per_violator + ' số tiền tính cho mỗi đối tượng, nhân với số đối tượng');
        parts.push('vụ việc nêu trong nhiều báo cáo chỉ tính một lần; tin tức trích dẫn không tính');
        return parts.join('; ') + '.';
      },
    },
    en: {
      brand: 'Report search', tagline: 'Search and ask the archive of reports',
      box: 'Search or ask a question', go: 'Search', busy: 'Searching…', lang: 'Tiếng Việt',
      placeholder: 'For example: all fines for false information in 2024',
      facets: 'Filter by', csv: 'Download CSV', json: 'Download JSON', print: 'Print',
      c_period: 'Period', c_province: 'Province', c_action: 'Action', c_status: 'Status',
      c_categories: 'Categories', c_amount: 'Amount (đồng)', c_violators: 'Violators',
      c_who: 'Who', c_sources: 'Sources', c_line: 'Line',
      trend: 'Trend', by: 'by', by_year: 'year', by_quarter: 'quarter', by_month: 'month',
      by_province: 'province', by_category: 'category', g_value: 'Value', g_cases: 'Cases',
      g_amount: 'Amount (đồng)', sort: 'Sort', s_relevance: 'best match', s_newest: 'newest',
      s_oldest: 'oldest', back: '← Back to the results', report_cases: 'Cases in this report',
      report_text: 'Full text', text_note: 'The extracted text; line numbers are those of results and sources.',
      foot: 'tracuu: every figure with its source.', api: 'API',
      understood: 'Read as', ignored: 'ignored', remove: 'Remove filter',
      total: 'Total', dong: 'đồng', about: 'about ',
      sanctions: (n) => n + (n === 1 ? ' case counted' : ' cases counted'),
      reports: (n) => n + (n === 1 ? ' report' : ' reports'),
      range: (a, b, n) => a + '–' + b + ' of ' + n,
      cases_range: (a, b, n) => 'Cases ' + a + '–' + b + ' of ' + n,
      prev: '‹ Previous', next: 'Next ›', none: 'No results.', nocase: 'No case.',
      each: ' each', org: 'org.', ind: 'ind.', line: 'line', page: 'page',
      ocr: 'OCR: worth a second look', chart_amount: 'Amount (đồng) by ', chart_count: 'Cases by ',
      f_province: 'Province', f_year: 'Year', f_category: 'Category', f_platform: 'Platform',
      f_action: 'Action', f_status: 'Status', f_violator: 'Violator',
      m_file: 'File', m_number: 'Number', m_kind: 'Kind', m_title: 'Title', m_date: 'Date',
      m_place: 'Place', m_agency: 'Agency', m_signer: 'Signer', m_period: 'Period',
      m_province: 'Province', m_lines: 'Lines', m_encoding: 'Encoding', m_marks: 'Matches',
      printed: 'Printed on ', question: 'Question: ', headline: 'quoted news',
      how: null,
    },
  };
  const LABELS = {
    fine: ['phạt tiền', 'fine'], takedown: ['gỡ bỏ', 'takedown'],
    subscriber_lock: ['khóa thuê bao', 'subscriber lock'], warning: ['nhắc nhở', 'warning'],
    prosecution: ['khởi tố', 'prosecution'], other: ['khác', 'other'],
    decided: ['đã ra quyết định', 'decided'], recorded: ['mới lập biên bản', 'recorded'],
    proposed: ['đề nghị xử phạt', 'proposed'], withdrawn: ['hủy quyết định', 'withdrawn'],
    criminal: ['chuyển cơ quan điều tra', 'criminal'],
    individual: ['cá nhân', 'individual'], organization: ['tổ chức', 'organization'],
    company: ['doanh nghiệp', 'company'], press: ['cơ quan báo chí', 'press'],
    false_information: ['thông tin sai sự thật', 'false information'],
    defamation: ['xúc phạm, vu khống', 'defamation'], superstition: ['mê tín dị đoan', 'superstition'],
    advertising: ['quảng cáo', 'advertising'], competition: ['cạnh tranh', 'competition'],
    construction: ['xây dựng', 'construction'],
    counterfeit_smuggling: ['buôn lậu, hàng giả', 'counterfeit and smuggling'],
    culture: ['văn hóa', 'culture'], device_conformity: ['hợp quy thiết bị', 'device conformity'],
    environment: ['môi trường', 'environment'], food_safety: ['an toàn thực phẩm', 'food safety'],
    fraud: ['lừa đảo', 'fraud'], gambling: ['cờ bạc', 'gambling'], gaming: ['trò chơi điện tử', 'games'],
    health: ['y tế', 'health'], personal_data: ['dữ liệu cá nhân', 'personal data'],
    press: ['báo chí', 'press'], publishing: ['xuất bản', 'publishing'],
    securities: ['chứng khoán', 'securities'], tax: ['thuế', 'tax'], telecom: ['viễn thông', 'telecoms'],
    tourism: ['du lịch', 'tourism'], traffic: ['giao thông', 'traffic'],
  };
  const FACETS = ['province', 'year', 'category', 'platform', 'action', 'status'];
  const PAGE = { search: 10, answer: 100 };

  let state = {};
  let lang = 'vi';
  let lastList = null;          // The URL of the list a report was opened from.

  const $ = (id) => document.getElementById(id);
  const t = (key) => (I18N[lang][key] !== undefined && I18N[lang][key] !== null
    ? I18N[lang][key] : I18N.vi[key]);
  const label = (code) => {
    if (code === null || code === undefined) return '';
    const l = LABELS[code];
    return l ? l[lang === 'vi' ? 0 : 1] : String(code).replace(/_/g, ' ');
  };

  /* An element with attributes and children; strings become text. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function money(v) {
    if (v === null || v === undefined || v < 0) return '';
    const s = String(v);
    const sep = lang === 'vi' ? '.' : ',';
    return s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }

  /* 19500000 as "19,5 tr" (vi) or "19.5 M" (en), for bar labels. */
  function millions(v) {
    const m = Math.round(v / 1e5) / 10;
    const s = lang === 'vi' ? String(m).replace('.', ',') : String(m);
    return s + (lang === 'vi' ? ' tr' : ' M');
  }

  /* Byte offsets of UTF-8 text (as the server gives them) to pieces. */
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  function marked(text, spans) {
    const bytes = enc.encode(text);
    const out = [];
    let at = 0;
    for (const [s, e] of spans) {
      if (s < at || e > bytes.length) continue;
      if (s > at) out.push(document.createTextNode(dec.decode(bytes.subarray(at, s))));
      out.push(el('mark', {}, dec.decode(bytes.subarray(s, e))));
      at = e;
    }
    if (at < bytes.length) out.push(document.createTextNode(dec.decode(bytes.subarray(at))));
    return out;
  }

  /* ---------------------------------------------------------------- */
  /* State in the URL.                                                 */

  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') || '',
      f: p.getAll('f'),
      page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
      sort: p.get('sort') || 'relevance',
      by: p.get('by') || 'year',
      id: p.get('id') || '',
      line: parseInt(p.get('line') || '0', 10) || 0,
      print: p.get('print') === '1',
    };
  }
  function urlOf(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const f of s.f) p.append('f', f);
    if (s.page > 1) p.set('page', String(s.page));
    if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
    if (s.by && s.by !== 'year') p.set('by', s.by);
    if (s.id) p.set('id', s.id);
    if (s.line) p.set('line', String(s.line));
    if (s.print) p.set('print', '1');
    if (lang === 'en') p.set('lang', 'en');
    const qs = p.toString();
    return '/' + (qs ? '?' + qs : '');
  }
  function go(changes, replace) {
    const next = Object.assign({}, state, changes);
    if (replace) history.replaceState(null, '', urlOf(next));
    else history.pushState(null, '', urlOf(next));
    state = next;
    render();
  }
  function fullQuery(s) {
    return [s.q].concat(s.f).filter((x) => x).join(' ');
  }

  async function api(path, params) {
    const p = new URLSearchParams(params);
    const resp = await fetch(path + '?' + p.toString(), { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const msg = body && body.error ? body.error.message : resp.status + ' ' + resp.statusText;
      throw new Error(msg);
    }
    return body;
  }
  function download(path, params) {
    return path + '?' + new URLSearchParams(Object.assign({ download: '1' }, params)).toString();
  }

  /* ---------------------------------------------------------------- */
  /* Rendering.                                                        */

  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const e of document.querySelectorAll('[data-i18n]')) {
      const v = t(e.getAttribute('data-i18n'));
      if (typeof v === 'string') e.textContent = v;
    }
    for (const e of document.querySelectorAll('[data-i18n-placeholder]'))
      e.setAttribute('placeholder', t(e.getAttribute('data-i18n-placeholder')));
    $('lang').textContent = t('lang');
    document.title = t('brand');
  }

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  function renderReading(interp, notes) {
    const box = $('reading');
    clear(box);
    if (!interp) { box.hidden = true; return; }
    box.appendChild(el('span', {}, t('understood') + ': '));
    for (const w of interp.words || []) {
      const ignored = w.role === 'ignored';
      box.appendChild(el('span', { class: 'word role-' + w.role, title: w.meaning || w.role,
        'data-role': w.role }, w.text, w.meaning && !ignored ? el('small', {}, w.meaning) : null,
      ignored ? el('small', {}, t('ignored')) : null));
    }
    box.appendChild(el('div', { class: 'explain' }, interp.explain || ''));
    const all = (interp.notes || []).concat(notes || []);
    if (all.length) box.appendChild(el('ul', { class: 'notes' }, all.map((n) => el('li', {}, n))));
    box.hidden = false;
  }

  function filterLabel(f) {
    const i = f.indexOf(':');
    const field = f.slice(0, i), value = f.slice(i + 1).replace(/^"|"$/g, '');
    return (t('f_' + field) || field) + ': ' + (field === 'province' || field === 'year' ? value : label(value));
  }
  function renderChips() {
    const box = $('chips');
    clear(box);
    for (const f of state.f) {
      box.appendChild(el('span', { class: 'chip', 'data-filter': f }, filterLabel(f),
        el('button', { type: 'button', 'aria-label': t('remove') + ' ' + filterLabel(f),
          title: t('remove'), onclick: () => go({ f: state.f.filter((x) => x !== f), page: 1 }) }, '×')));
    }
    box.hidden = state.f.length === 0;
  }

  function facetFilter(field, value) {
    return field + ':' + (/[\s"]/.test(value) ? '"' + value.replace(/"/g, '') + '"' : value);
  }
  function renderFacets(facets) {
    const box = $('facet-list');
    clear(box);
    for (const field of FACETS) {
      const values = (facets && facets[field]) || [];
      if (!values.length) continue;
      box.appendChild(el('h3', {}, t('f_' + field)));
      box.appendChild(el('ul', { 'data-field': field }, values.slice(0, 12).map((v) => {
        const f = facetFilter(field, v.value);
        const on = state.f.includes(f);
        return el('li', {}, el('button', { type: 'button', class: on ? 'on' : null,
          'data-filter': f, 'aria-pressed': on ? 'true' : 'false',
          onclick: () => go({ f: on ? state.f.filter((x) => x !== f) : state.f.concat([f]), page: 1 }) },
        el('span', {}, field === 'province' || field === 'year' ? v.value : label(v.value)),
        el('span', { class: 'n' }, String(v.count))));
      })));
    }
    $('facets').hidden = box.childNodes.length === 0;
  }

  function reportLink(id, line, text) {
    if (!id) return el('span', {}, text);
    const target = Object.assign({}, state, { id: String(id), line: line, page: state.page, print: false });
    return el('a', { href: urlOf(target), class: 'source', 'data-report': String(id), 'data-line': String(line),
      onclick: (ev) => {
        if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
        ev.preventDefault();
        lastList = urlOf(Object.assign({}, state, { id: '', line: 0 }));
        go({ id: String(id), line: line, print: false });
      } }, text);
  }

  function violatorsText(c) {
    if (c.violators === null || c.violators === undefined) return '';
    let s = String(c.violators);
    if (c.organizations !== null && c.individuals !== null && c.organizations !== undefined)
      s += ' (' + c.organizations + ' ' + t('org') + ', ' + c.individuals + ' ' + t('ind') + ')';
    return s;
  }
  function whoText(c) {
    const acc = (c.accounts || []).map((a) => (typeof a === 'string' ? a
      : (a.platform ? a.platform + ' ' : '') + a.name));
    const who = acc.concat(c.people || []);
    return who.length ? who.join('; ') : (c.platforms || []).join(', ');
  }
  function amountText(c) {
    if (c.amount_vnd === null || c.amount_vnd === undefined) return '';
    return (c.approximate ? '~' : '') + money(c.amount_vnd)
      + (c.per_violator && c.violators > 1 ? t('each') : '');
  }

  function renderAnswer(data) {
    const tot = data.total || {};
    const full = fullQuery(state);
    clear($('print-head'));
    $('print-head').appendChild(el('h1', {}, t('question') + (data.question || full)));
    $('print-head').appendChild(el('p', {}, t('printed') + new Date().toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')));
    clear($('total'));
    $('total').appendChild(el('span', { id: 'total-amount' }, t('total') + ': '
      + (tot.approximate ? t('about') : '') + money(tot.amount_vnd || 0) + ' ' + t('dong')));
    $('total').appendChild(el('span', { class: 'how' }, ' · ' + t('sanctions')(tot.sanctions || 0)));
    const how = I18N[lang].how ? I18N[lang].how(tot) : tot.how;
    $('how').textContent = how || '';
    $('csv').href = download('/api/answer', { q: full, format: 'csv', limit: '1000' });
    $('json').href = download('/api/answer', { q: full, format: 'json', limit: '1000' });
    const body = $('cases').tBodies[0];
    clear(body);
    for (const c of data.cases || []) {
      body.appendChild(el('tr', { class: c.member_of ? 'member' : 'case', 'data-key': c.key },
        el('td', {}, c.period || '?'), el('td', {}, c.province || ''),
        el('td', {}, label(c.action)), el('td', {}, label(c.status)),
        el('td', {}, (c.categories || []).map(label).join(', ')),
        el('td', { class: 'num' }, amountText(c)), el('td', { class: 'num' }, violatorsText(c)),
        el('td', {}, whoText(c)),
        el('td', {}, el('ul', { class: 'sources' }, (c.sources || []).map((s) => el('li', {},
          reportLink(s.report_id, s.line, s.file + ':' + s.line),
          s.ocr ? el('small', { title: t('ocr') }, ' (OCR)') : null,
          el('span', { class: 'quote' }, s.quote || '')))))));
    }
    if (!(data.cases || []).length)
      body.appendChild(el('tr', {}, el('td', { colspan: '9' }, t('nocase'))));
    pager($('case-pager'), state.page, PAGE.answer, (data.cases || []).length,
      (tot.sanctions || 0) + (tot.members || 0), t('cases_range'));
    $('answer').hidden = false;
  }

  function pager(nav, page, size, shown, total, rangeText) {
    clear(nav);
    const first = (page - 1) * size + 1;
    if (!shown && page === 1) return;
    const more = total !== null ? first + shown - 1 < total : shown === size;
    nav.appendChild(el('button', { type: 'button', disabled: page <= 1 ? 'disabled' : null,
      onclick: () => go({ page: page - 1 }) }, t('prev')));
    nav.appendChild(el('span', { class: 'range' },
      rangeText(first, first + shown - 1, total !== null ? total : '…')));
    nav.appendChild(el('button', { type: 'button', disabled: more ? null : 'disabled',
      onclick: () => go({ page: page + 1 }) }, t('next')));
  }

  function renderResults(data) {
    const list = $('hits');
    clear(list);
    list.start = (state.page - 1) * PAGE.search + 1;
    $('count').textContent = t('reports')(data.total || 0);
    $('sort').value = state.sort;
    $('results-csv').href = download('/api/search', { q: fullQuery(state), format: 'csv',
      sort: state.sort, offset: String((state.page - 1) * PAGE.search) });
    for (const h of data.results || []) {
      const where = [h.period, h.province].filter((x) => x).join(' · ');
      list.appendChild(el('li', { class: 'hit' },
        el('div', { class: 'where' }, reportLink(h.id, h.line, h.file + ':' + h.line),
          where ? ' — ' + where : '', h.page ? ' · ' + t('page') + ' ' + h.page : '',
          h.ocr ? ' · OCR' : ''),
        el('div', { class: 'snippet' }, marked(h.snippet || '', h.highlights || []))));
    }
    if (!(data.results || []).length) list.appendChild(el('li', { class: 'none' }, t('none')));
    pager($('pager'), state.page, PAGE.search, (data.results || []).length, data.total || 0, t('range'));
    $('results').hidden = false;
  }

  const SVGNS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function groupValue(by, v) {
    return by === 'category' ? label(v) : v;
  }
  function renderTrend(data) {
    const groups = (data && data.groups) || [];
    const box = $('chart');
    clear(box);
    const body = $('groups').tBodies[0];
    clear(body);
    $('by').value = state.by;
    $('trend-csv').href = download('/api/groups', { q: fullQuery(state), by: state.by, format: 'csv' });
    if (!groups.length) { $('trend').hidden = true; return; }
    const byAmount = groups.some((g) => g.total.amount_vnd > 0);
    const val = (g) => (byAmount ? g.total.amount_vnd : g.total.sanctions) || 0;
    const max = Math.max(1, ...groups.map(val));
    const W = 760, H = 260, left = 40, bottom = 60, top = 24;
    const bw = Math.min(60, (W - left - 10) / groups.length);
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': (byAmount ? t('chart_amount') : t('chart_count')) + t('by_' + state.by) });
    chart.appendChild(svg('title', {}, (byAmount ? t('chart_amount') : t('chart_count')) + t('by_' + state.by)));
    chart.appendChild(svg('line', { class: 'axis', x1: left, y1: H - bottom, x2: W - 5, y2: H - bottom }));
    groups.forEach((g, i) => {
      const h = Math.round((H - bottom - top) * val(g) / max);
      const x = left + i * bw + 4, y = H - bottom - h;
      const bar = svg('rect', { class: 'bar', x: x, y: y, width: Math.max(2, bw - 8), height: h,
        'data-value': g.value });
      bar.appendChild(svg('title', {}, groupValue(state.by, g.value) + ': '
        + (byAmount ? money(val(g)) + ' ' + t('dong') : val(g))));
      chart.appendChild(bar);
      chart.appendChild(svg('text', { x: x + (bw - 8) / 2, y: y - 4, 'text-anchor': 'middle' },
        byAmount ? millions(val(g)) : String(val(g))));
      chart.appendChild(svg('text', { x: x + (bw - 8) / 2, y: H - bottom + 14, 'text-anchor': 'end',
        transform: 'rotate(-35 ' + (x + (bw - 8) / 2) + ' ' + (H - bottom + 14) + ')' },
      String(groupValue(state.by, g.value)).slice(0, 22)));
    });
    box.appendChild(chart);
    for (const g of groups) {
      body.appendChild(el('tr', {}, el('td', {}, groupValue(state.by, g.value)),
        el('td', { class: 'num' }, String(g.total.sanctions)),
        el('td', { class: 'num' }, (g.total.approximate ? '~' : '') + money(g.total.amount_vnd))));
    }
    $('trend').hidden = false;
  }

  function signerText(sg) {
    if (!sg) return null;
    if (typeof sg === 'string') return sg;
    return sg.name ? sg.name + (sg.role ? ' (' + sg.role + ')' : '') : null;
  }

  /* The report view: metadata, cases and the whole text, every match
   * marked and the cited line highlighted and in view. */
  function renderReport(r) {
    const x = r.extraction || {};
    const m = x.report || {};
    $('report-title').textContent = m.title || r.file;
    const meta = $('report-meta');
    clear(meta);
    const period = m.period && typeof m.period === 'object' ? m.period.value : m.period;
    const rows = [['m_file', r.file], ['m_number', m.number], ['m_kind', m.kind], ['m_date', m.date],
      ['m_place', m.place], ['m_agency', m.agency],
      ['m_signer', signerText(m.signer)],
      ['m_period', period], ['m_province', m.province], ['m_lines', String(r.lines)],
      ['m_encoding', r.encoding], ['m_marks', String((r.marks || []).length)]];
    for (const [k, v] of rows) {
      if (v === null || v === undefined || v === '') continue;
      meta.appendChild(el('dt', {}, t(k)));
      meta.appendChild(el('dd', { 'data-meta': k.slice(2) }, String(v)));
    }
    const body = $('report-cases').tBodies[0];
    clear(body);
    for (const c of x.cases || []) {
      const line = c.sources && c.sources[0] ? c.sources[0].line : 0;
      body.appendChild(el('tr', {}, el('td', {}, el('a', { href: '#L' + line, onclick: (ev) => {
        ev.preventDefault(); go({ line: line }, true); } }, String(line))),
      el('td', {}, label(c.action) + (c.headline ? ' (' + t('headline') + ')' : '')),
      el('td', {}, (c.categories || []).map(label).join(', ')),
      el('td', { class: 'num' }, amountText(c)), el('td', { class: 'num' }, c.violators
        && typeof c.violators === 'object' && c.violators.total !== null ? String(c.violators.total) : '')));
    }
    const text = $('report-text');
    clear(text);
    const bytes = enc.encode(r.text || '');
    const marks = r.marks || [];
    let k = 0, start = 0, n = 1, cited = null;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 10) continue;
      const spans = [];
      while (k < marks.length && marks[k][0] < i) {
        if (marks[k][0] >= start) spans.push([marks[k][0] - start, marks[k][1] - start]);
        k++;
      }
      const lineText = dec.decode(bytes.subarray(start, i));
      const row = el('div', { class: 'ln' + (n === state.line ? ' cited' : ''), id: 'L' + n, 'data-line': String(n) },
        el('span', {}, String(n)), el('span', {}, marked(lineText, spans)));
      if (n === state.line) cited = row;
      text.appendChild(row);
      start = i + 1;
      n++;
    }
    $('report').hidden = false;
    /* The cited line in the middle of the text's box; the page itself
     * stays where it is, metadata in view. */
    if (cited) text.scrollTop = Math.max(0, cited.offsetTop - text.clientHeight / 2);
    window.scrollTo(0, 0);
  }

  /* ---------------------------------------------------------------- */
  /* Loading.                                                          */

  let generation = 0;

  async function render() {
    const mine = ++generation;
    applyLanguage();
    $('q').value = state.q;
    renderChips();
    showError('');
    document.body.classList.toggle('print-view', state.print);
    const full = fullQuery(state);
    $('main').hidden = true;
    $('report').hidden = true;
    if (state.id) {
      $('busy').hidden = false;
      try {
        const r = await api('/api/report', { id: state.id, q: full });
        if (mine !== generation) return;
        renderReport(r);
      } catch (e) {
        if (mine === generation) showError(e.message);
      } finally {
        if (mine === generation) $('busy').hidden = true;
      }
      return;
    }
    if (!full) { $('reading').hidden = true; return; }
    $('busy').hidden = false;
    try {
      let data = await api('/api/query', { q: full, sort: state.sort });
      let mode = data.cases ? 'answer' : 'search';
      if (state.page > 1) {
        data = await api(mode === 'answer' ? '/api/answer' : '/api/search',
          { q: full, sort: state.sort, offset: String((state.page - 1) * PAGE[mode]), limit: String(PAGE[mode]) });
        mode = data.cases ? 'answer' : 'search';
      }
      if (mine !== generation) return;
      const [facets, groups] = await Promise.all([
        api('/api/facets', { q: full }).catch(() => null),
        api('/api/groups', { q: full, by: state.by }).catch(() => null),
      ]);
      if (mine !== generation) return;
      renderReading(data.interpretation);
      $('answer').hidden = mode !== 'answer';
      $('results').hidden = mode !== 'search';
      if (mode === 'answer') renderAnswer(data); else renderResults(data);
      renderFacets(facets ? facets.facets : null);
      renderTrend(groups);
      $('main').hidden = false;
      if (state.print) setTimeout(() => window.print(), 100);
    } catch (e) {
      if (mine === generation) { showError(e.message); $('reading').hidden = true; }
    } finally {
      if (mine === generation) $('busy').hidden = true;
    }
  }

  function start() {
    const p = new URLSearchParams(location.search);
    lang = p.get('lang') === 'en' ? 'en' : (p.get('lang') === 'vi' ? 'vi'
      : (localStorage.getItem('tracuu.lang') || 'vi'));
    state = readState();
    $('search').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = $('q').value.trim();
      go({ q: q, page: 1, id: '', line: 0, print: false });
    });
    $('lang').addEventListener('click', () => {
      lang = lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem('tracuu.lang', lang);
      go({}, true);
    });
    $('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
    $('by').addEventListener('change', () => go({ by: $('by').value }, true));
    $('print').addEventListener('click', () => go({ print: true }));
    $('back').addEventListener('click', (ev) => {
      ev.preventDefault();
      if (lastList !== null) history.back();
      else go({ id: '', line: 0 });
    });
    $('home').addEventListener('click', (ev) => {
      ev.preventDefault();
      go({ q: '', f: [], page: 1, id: '', line: 0, print: false });
    });
    window.addEventListener('popstate', () => { state = readState(); render(); });
    window.addEventListener('afterprint', () => { if (state.print) go({ print: false }, true); });
    render();
  }

  document.addEventListener('DOMContentLoaded', start);
}());
