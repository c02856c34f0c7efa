// The page of `newsgraph serve`: graph views drawn with Cytoscape.js, a side
// panel with each entity's facts and their evidence, and a SPARQL box.
//
// It talks to the server only through the SPARQL 1.1 Protocol at `query`.
// Without FROM the server answers over the union of all article graphs, which
// repeats a triple once per article holding it, and a join over the union
// multiplies the repeats (a person in 4,000 articles: 4,000 labels times 4,000
// type triples). So every query here matches its pattern inside each article
// graph (GRAPH ?g { ... }: a fact and its properties live in one), is a
// SELECT DISTINCT of a simple pattern, and the views are joined in JavaScript.
'use strict';

(() => {
  const NS = {
    ng: 'https://w3id.org/newsgraph/ontology#',
    org: 'http://www.w3.org/ns/org#',
    prov: 'http://www.w3.org/ns/prov#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    skos: 'http://www.w3.org/2004/02/skos/core#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  };
  const ENTITY_TYPES = ['Person', 'Organization', 'Country', 'Location', 'Substance'];
  // Past this many nodes a force layout is unreadable (and slow on 2 cores).
  const MAX_NODES = 160;
  const PER_ANCHOR = 8;
  // Per family in the side panel: a speaker can have hundreds of quotes.
  const MAX_PANEL_FACTS = 50;
  const MAX_TABLE_ROWS = 1000;

  const KIND_NAMES = {
    Person: 'Person', Organization: 'Organization', Country: 'Country', Location: 'Location',
    Substance: 'Substance', Quote: 'Quote', ReportedSpeech: 'Reported speech', Statistic: 'Statistic',
  };

  const EXAMPLES = [
    {
      title: 'Who said what',
      query: `# Who said what: every quote with its speaker and article
SELECT DISTINCT ?speaker ?quote ?article WHERE {
  ?q a ng:Quote ;
     ng:speaker ?s ;
     ng:text ?quote ;
     prov:wasDerivedFrom ?a .
  ?s rdfs:label ?speaker .
  ?a ng:fileName ?article .
}
ORDER BY ?speaker ?article`,
    },
    {
      title: 'Roles: person, role, organization',
      query: `# Roles: who holds which role in which organization
SELECT DISTINCT ?person ?role ?organization WHERE {
  ?m a org:Membership ;
     org:member ?p ;
     org:role ?r ;
     org:organization ?o .
  ?p rdfs:label ?person .
  ?r rdfs:label ?role .
  ?o rdfs:label ?organization .
}
ORDER BY ?person`,
    },
    {
      title: 'Exports: country, product, destination',
      query: `# Exports: which country exports which product, and to where
SELECT DISTINCT ?exporter ?product ?destination WHERE {
  ?x a ng:Export ;
     ng:exporter ?c ;
     ng:product ?p .
  ?c rdfs:label ?exporter .
  ?p rdfs:label ?product .
  OPTIONAL { ?x ng:destination ?d . ?d rdfs:label ?destination }
}
ORDER BY ?exporter ?product`,
    },
    {
      title: 'Statistics and their sources',
      query: `# Statistics: each figure, what it counts, and who it is attributed to
SELECT DISTINCT ?value ?statistic ?source WHERE {
  ?st a ng:Statistic ;
      ng:value ?value ;
      rdfs:label ?statistic ;
      ng:attributedTo ?src .
  ?src rdfs:label ?source .
}
ORDER BY DESC(?value)`,
    },
    {
      title: 'Evidence: the sentence behind each quote',
      query: `# Evidence: the sentence each quote was read from, and where
SELECT DISTINCT ?speaker ?quote ?sentence ?article ?start WHERE {
  ?q a ng:Quote ;
     ng:speaker ?s ;
     ng:text ?quote ;
     ng:evidence ?e ;
     prov:wasDerivedFrom ?a .
  ?s rdfs:label ?speaker .
  ?e ng:text ?sentence ;
     ng:startOffset ?start .
  ?a ng:fileName ?article .
}
ORDER BY ?article ?start`,
    },
    {
      title: 'Most quoted speakers',
      query: `# Most quoted: speakers by number of quotes
SELECT ?speaker (COUNT(DISTINCT ?q) AS ?quotes) WHERE {
  ?q a ng:Quote ;
     ng:speaker ?s .
  ?s rdfs:label ?speaker .
}
GROUP BY ?speaker
ORDER BY DESC(?quotes) ?speaker`,
    },
  ];

  const $ = (id) => document.getElementById(id);

  /** A failed query: the HTTP status and the server's message. */
  class QueryError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** Runs a query through the SPARQL protocol; resolves to the parsed JSON results. */
  async function sparql(query) {
    const res = await fetch('query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
      body: query,
    });
    const text = await res.text();
    if (!res.ok) throw new QueryError(res.status, text.trim() || `${res.status} ${res.statusText}`);
    try {
      return JSON.parse(text);
    } catch (_) {
      throw new QueryError(res.status, 'The server did not answer with SPARQL JSON results.');
    }
  }

  /** The solutions of a SELECT as plain objects of strings (unbound variables absent). */
  async function select(query) {
    const json = await sparql(query);
    const bindings = (json.results && json.results.bindings) || [];
    return bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, t]) => [k, t.value])));
  }

  /** `ng:Quote` for IRIs in a known namespace, else the IRI itself. */
  function shortIri(iri) {
    for (const [prefix, ns] of Object.entries(NS)) {
      if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`;
    }
    return iri;
  }

  /** An IRI written into a query: only IRIs the server gave us, checked to be plain. */
  function iriRef(iri) {
    if (!/^[^\s<>"{}|^`\\]+$/.test(iri)) throw new Error(`not an IRI: ${iri}`);
    return `<${iri}>`;
  }

  function clip(text, max) {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
  }

  function formatNumber(value) {
    const n = Number(value);
    return Number.isFinite(n) ? n.toLocaleString('en-US') : value;
  }

  /** Creates an element with text content (never HTML: quotes contain `<` and `&`). */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  // ---------------------------------------------------------------------------
  // What every view and the side panel share: labels, types, article names.

  const store = { entities: new Map(), files: new Map(), roles: new Map(), dates: new Map() };

  async function loadStore() {
    const typeList = ENTITY_TYPES.map((t) => `ng:${t}`).join(' ');
    const [entities, files, roles, dates] = await Promise.all([
      // VALUES, not FILTER: the store looks each type up instead of scanning every type triple.
      select(`SELECT DISTINCT ?e ?label ?type WHERE { GRAPH ?g { VALUES ?type { ${typeList} } ?e a ?type ; rdfs:label ?label } }`),
      select('SELECT DISTINCT ?a ?file WHERE { GRAPH ?g { ?a a ng:Article ; ng:fileName ?file } }'),
      select('SELECT DISTINCT ?r ?label WHERE { GRAPH ?g { ?r a org:Role ; rdfs:label ?label } }'),
      select('SELECT DISTINCT ?a ?date WHERE { GRAPH ?g { ?a a ng:Article ; <http://schema.org/datePublished> ?date } }'),
    ]);
    for (const r of dates) store.dates.set(r.a, r.date);
    for (const r of entities) store.entities.set(r.e, { label: r.label, kind: r.type.slice(NS.ng.length) });
    for (const r of files) store.files.set(r.a, r.file);
    for (const r of roles) store.roles.set(r.r, r.label);
    const counts = ENTITY_TYPES.map((t) => [t, [...store.entities.values()].filter((e) => e.kind === t).length]);
    $('store-summary').textContent = `${store.files.size} articles · ${store.entities.size} entities (${counts
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${t.toLowerCase()}`)
      .join(', ')})`;
  }

  function entityLabel(iri) {
    const e = store.entities.get(iri);
    return e ? e.label : shortIri(iri);
  }

  // ---------------------------------------------------------------------------
  // Views: a few simple queries each, joined into nodes and edges here.

  /** Collects nodes and edges, merging repeated edges (the same fact in several articles). */
  class GraphBuilder {
    constructor() {
      this.nodes = new Map();
      this.edges = new Map();
      this.skipped = 0;
    }

    entity(iri) {
      const e = store.entities.get(iri);
      if (!e) return null;
      if (!this.nodes.has(iri)) this.nodes.set(iri, { id: iri, label: e.label, kind: e.kind, full: e.label });
      return iri;
    }

    node(id, kind, label, full) {
      if (!this.nodes.has(id)) this.nodes.set(id, { id, label, kind, full });
      return id;
    }

    edge(source, target, label, extra = {}) {
      const id = `${source}\u0000${target}\u0000${label}`;
      const known = this.edges.get(id);
      if (known) known.count += 1;
      else this.edges.set(id, { id, source, target, label: clip(label, 34), count: 1, ...extra });
    }
  }

  /**
   * The publication-date range of the Since/Until fields: a year, a month or
   * a day, compared on the digits given (as `newsgraph export --since`).
   * Rows carry their graph (?g, the article); without a range all are kept,
   * with one, articles of unknown date are left out.
   */
  function dated(rows) {
    const since = $('since').value.trim();
    const until = $('until').value.trim();
    if (!since && !until) return rows;
    return rows.filter((r) => {
      const date = store.dates.get(r.g);
      if (!date) return false;
      return (!since || date.slice(0, since.length) >= since) && (!until || date.slice(0, until.length) <= until);
    });
  }

  const VIEWS = {
    'who-said-what': {
      caption: 'Speakers and what they said (dashed: reported speech, not quoted); click a statement to read its sentence.',
      async build(g) {
        const withReported = $('with-reported').checked;
        const [statements, reported, verbs] = await Promise.all([
          select(`SELECT DISTINCT ?q ?s ?text ?g WHERE { GRAPH ?g { ?q a ${withReported ? 'ng:Statement' : 'ng:Quote'} ; ng:speaker ?s ; ng:text ?text } }`),
          withReported ? select('SELECT DISTINCT ?q WHERE { GRAPH ?g { ?q a ng:ReportedSpeech } }') : [],
          select('SELECT DISTINCT ?q ?verb WHERE { GRAPH ?g { ?q a ng:Statement ; ng:speechVerb ?verb } }'),
        ]);
        const verbOf = new Map(verbs.map((r) => [r.q, r.verb]));
        const isReported = new Set(reported.map((r) => r.q));
        for (const r of dated(statements)) {
          const speaker = g.entity(r.s);
          if (!speaker) continue;
          const indirect = isReported.has(r.q);
          const label = indirect ? clip(r.text, 40) : `“${clip(r.text, 40)}”`;
          const node = g.node(r.q, indirect ? 'ReportedSpeech' : 'Quote', label, r.text);
          g.edge(speaker, node, verbOf.get(r.q) || 'said', { reported: indirect });
        }
      },
    },
    roles: {
      caption: 'People and the organizations they hold roles in (dashed: a former role).',
      async build(g) {
        const [members, orgs, former] = await Promise.all([
          select('SELECT DISTINCT ?m ?p ?r ?g WHERE { GRAPH ?g { ?m a org:Membership ; org:member ?p ; org:role ?r } }'),
          select('SELECT DISTINCT ?m ?o WHERE { GRAPH ?g { ?m a org:Membership ; org:organization ?o } }'),
          select('SELECT DISTINCT ?m WHERE { GRAPH ?g { ?m a org:Membership ; ng:former true } }'),
        ]);
        const orgOf = new Map(orgs.map((r) => [r.m, r.o]));
        const wasFormer = new Set(former.map((r) => r.m));
        for (const r of dated(members)) {
          const person = g.entity(r.p);
          const org = orgOf.has(r.m) ? g.entity(orgOf.get(r.m)) : null;
          if (!person || !org) {
            g.skipped += 1;
            continue;
          }
          g.edge(person, org, store.roles.get(r.r) || shortIri(r.r), { former: wasFormer.has(r.m) });
        }
      },
      skippedNote: (n) => `${n} ${n === 1 ? 'role has' : 'roles have'} no organization and ${n === 1 ? 'is' : 'are'} not drawn: click a person to see every role.`,
    },
    exports: {
      caption: 'Exporter → product → destination, as the articles state them.',
      async build(g) {
        const [exports, dests] = await Promise.all([
          select('SELECT DISTINCT ?x ?c ?p ?g WHERE { GRAPH ?g { ?x a ng:Export ; ng:exporter ?c ; ng:product ?p } }'),
          select('SELECT DISTINCT ?x ?d WHERE { GRAPH ?g { ?x a ng:Export ; ng:destination ?d } }'),
        ]);
        const destsOf = new Map();
        for (const r of dests) destsOf.set(r.x, [...(destsOf.get(r.x) || []), r.d]);
        for (const r of dated(exports)) {
          const exporter = g.entity(r.c);
          const product = g.entity(r.p);
          if (!exporter || !product) continue;
          g.edge(exporter, product, 'exports');
          for (const d of destsOf.get(r.x) || []) {
            const dest = g.entity(d);
            if (dest) g.edge(product, dest, `from ${entityLabel(r.c)}`);
          }
        }
      },
    },
    statistics: {
      caption: 'Figures and the source they are attributed to.',
      async build(g) {
        const stats = await select(
          'SELECT DISTINCT ?st ?value ?label ?src ?g WHERE { GRAPH ?g { ?st a ng:Statistic ; ng:value ?value ; rdfs:label ?label ; ng:attributedTo ?src } }',
        );
        for (const r of dated(stats)) {
          const source = g.entity(r.src);
          if (!source) continue;
          // The phrase carries the figure ("more than 107,600 Americans died ...").
          const stat = g.node(r.st, 'Statistic', clip(r.label, 52), r.label);
          g.edge(stat, source, 'according to');
        }
      },
    },
  };

  /**
   * Keeps at most MAX_NODES nodes: the most connected entities (`first`, when
   * given, before all), each with up to PER_ANCHOR of its neighbours, so that
   * quotes and figures stay beside their speaker and one speaker with a
   * hundred quotes cannot fill the picture alone.
   */
  function capNodes(nodes, edges, first) {
    if (nodes.size <= MAX_NODES) return { nodes, edges, total: nodes.size };
    const neighbours = new Map([...nodes.keys()].map((id) => [id, []]));
    for (const e of edges.values()) {
      neighbours.get(e.source).push(e.target);
      neighbours.get(e.target).push(e.source);
    }
    const degree = (id) => neighbours.get(id).length;
    const anchors = [...nodes.keys()].sort((a, b) => degree(b) - degree(a));
    if (first && nodes.has(first)) anchors.unshift(first);
    const keep = new Set();
    for (const id of anchors) {
      if (keep.size >= MAX_NODES) break;
      keep.add(id);
      const limit = id === first ? MAX_NODES : PER_ANCHOR;
      const fresh = [...new Set(neighbours.get(id))].filter((n) => !keep.has(n)).sort((a, b) => degree(b) - degree(a));
      for (const n of fresh.slice(0, limit)) {
        if (keep.size >= MAX_NODES) break;
        keep.add(n);
      }
    }
    const kept = new Map([...nodes].filter(([id]) => keep.has(id)));
    const keptEdges = new Map([...edges].filter(([, e]) => keep.has(e.source) && keep.has(e.target)));
    return { nodes: kept, edges: keptEdges, total: nodes.size };
  }

  // ---------------------------------------------------------------------------
  // Drawing.

  const COLORS = {
    Person: ['#dbe7ff', '#3f6fd8'],
    Organization: ['#d5eee0', '#2f8a57'],
    Country: ['#fff0c2', '#c28a00'],
    Location: ['#e7e8eb', '#6b7280'],
    Substance: ['#fbdde0', '#c2414f'],
    Quote: ['#ffffff', '#9aa3af'],
    ReportedSpeech: ['#f6f3ff', '#9aa3af'],
    Statistic: ['#e9e3ff', '#6d4fd1'],
  };
  const SHAPES = {
    Person: 'ellipse', Organization: 'round-rectangle', Country: 'hexagon', Location: 'octagon',
    Substance: 'barrel', Quote: 'round-rectangle', ReportedSpeech: 'round-rectangle', Statistic: 'round-rectangle',
  };

  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const TEXT = {
    entity: { size: 12, style: '', wrap: 120, pad: 8 },
    Quote: { size: 10, style: 'italic', wrap: 130, pad: 5 },
    ReportedSpeech: { size: 10, style: '', wrap: 130, pad: 5 },
  };
  const measureCanvas = document.createElement('canvas').getContext('2d');

  /**
   * The box a node needs for its wrapped label. Cytoscape's own `width: label`
   * is deprecated (and leaves nodes hidden until first drawn), so we measure.
   */
  function nodeSize(node) {
    const t = TEXT[node.kind] || TEXT.entity;
    measureCanvas.font = `${t.style} ${t.size}px ${FONT}`;
    const lines = [];
    for (const word of node.label.split(/\s+/)) {
      const last = lines.length - 1;
      if (last >= 0 && measureCanvas.measureText(`${lines[last]} ${word}`).width <= t.wrap) lines[last] += ` ${word}`;
      else lines.push(word);
    }
    const width = Math.max(...lines.map((l) => measureCanvas.measureText(l).width));
    return { w: Math.ceil(Math.min(width, t.wrap) + 2 * t.pad + 4), h: Math.ceil(lines.length * t.size * 1.25 + 2 * t.pad) };
  }

  function graphStyle() {
    const style = [
      {
        selector: 'node',
        style: {
          label: 'data(label)', 'font-family': FONT, 'font-size': TEXT.entity.size, color: '#1f2937',
          'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'wrap', 'text-max-width': TEXT.entity.wrap,
          'line-height': 1.25, width: 'data(w)', height: 'data(h)', 'border-width': 1.5,
        },
      },
      {
        selector: 'node[kind = "Quote"], node[kind = "ReportedSpeech"]',
        style: { 'font-size': TEXT.Quote.size, 'font-style': TEXT.Quote.style, color: '#374151', 'text-max-width': TEXT.Quote.wrap },
      },
      {
        selector: 'edge',
        style: {
          width: 'mapData(count, 1, 5, 1.2, 4)', 'line-color': '#b6bdc8', 'target-arrow-color': '#b6bdc8',
          'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, 'curve-style': 'bezier',
          label: 'data(label)', 'font-size': 10, color: '#4b5563', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
        },
      },
      { selector: 'edge[?former]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[?reported]', style: { 'line-style': 'dashed' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111827' } },
      { selector: 'edge.near', style: { 'line-color': '#4b5563', 'target-arrow-color': '#4b5563' } },
    ];
    for (const [kind, [fill, border]] of Object.entries(COLORS)) {
      style.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': fill, 'border-color': border, shape: SHAPES[kind] } });
    }
    return style;
  }

  let cy = null;
  let currentView = null;
  const viewCache = new Map();

  async function viewGraph(name) {
    if (!viewCache.has(name)) {
      const g = new GraphBuilder();
      await VIEWS[name].build(g);
      viewCache.set(name, g);
    }
    return viewCache.get(name);
  }

  /** Draws view `name`; on a large graph, `focus` (a node id) and its neighbours first. */
  async function showView(name, focus) {
    currentView = name;
    const view = VIEWS[name];
    $('graph-note').textContent = 'Loading…';
    delete $('graph').dataset.view;
    $('graph').setAttribute('aria-busy', 'true');
    let g;
    try {
      g = await viewGraph(name);
    } catch (err) {
      $('graph-note').textContent = '';
      showGraphMessage(`Could not load this view: ${err.message}`);
      return;
    } finally {
      $('graph').removeAttribute('aria-busy');
    }
    if (currentView !== name) return; // the user picked another view meanwhile
    const { nodes, edges, total } = capNodes(g.nodes, g.edges, focus);
    draw(nodes, edges);
    // Says which view is drawn, for scripts and tests waiting on the page.
    $('graph').dataset.view = name;
    const notes = [view.caption];
    if (total > nodes.size) {
      notes.push(`Showing ${nodes.size} of ${total} nodes: the most connected entities with up to ${PER_ANCHOR} neighbours each (Find draws any entity; a click lists all its facts).`);
    }
    if (g.skipped && view.skippedNote) notes.push(view.skippedNote(g.skipped));
    $('graph-note').textContent = notes.join(' ');
    showGraphMessage(nodes.size ? '' : 'Nothing in this view yet: the store has no such facts.');
    fillLegend(nodes);
    fillFind(g.nodes);
  }

  function showGraphMessage(text) {
    $('graph-empty').textContent = text;
    $('graph-empty').hidden = !text;
  }

  function draw(nodes, edges) {
    const elements = [
      ...[...nodes.values()].map((n) => ({ group: 'nodes', data: { ...n, ...nodeSize(n) } })),
      ...[...edges.values()].map((e) => ({ group: 'edges', data: e })),
    ];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $('graph'),
      elements,
      style: graphStyle(),
      layout: {
        name: 'fcose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true, quality: 'proof',
        // Room for the edge's label (a role title can be long).
        idealEdgeLength: (e) => 36 + 2.5 * e.data('label').length, nodeRepulsion: () => 5000, gravity: 0.15, nodeSeparation: 40, packComponents: true, padding: 24,
      },
      minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false,
    });
    // A small view would be blown up to fill the box: keep text at a natural size.
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center();
    }
    cy.on('tap', 'node', (evt) => selectNode(evt.target));
    cy.on('tap', (evt) => {
      if (evt.target === cy) clearFocus();
    });
  }

  function fillLegend(nodes) {
    const kinds = new Set([...nodes.values()].map((n) => n.kind));
    const items = Object.keys(COLORS).filter((k) => kinds.has(k)).map((k) => {
      const swatch = el('span', { class: `swatch shape-${SHAPES[k]}` });
      swatch.style.background = COLORS[k][0];
      swatch.style.borderColor = COLORS[k][1];
      return el('li', {}, swatch, KIND_NAMES[k]);
    });
    $('legend').replaceChildren(...items);
  }

  /** Offers every entity of the view, drawn or not. */
  function fillFind(nodes) {
    const names = [...nodes.values()].filter((n) => ENTITY_TYPES.includes(n.kind)).map((n) => n.label).sort();
    $('node-names').replaceChildren(...names.map((n) => el('option', { value: n })));
    $('find').value = '';
  }

  function focusNode(node) {
    cy.elements().removeClass('faded near');
    const near = node.closedNeighborhood();
    cy.elements().not(near).addClass('faded');
    near.edges().addClass('near');
    cy.$(':selected').unselect();
    node.select();
  }

  function clearFocus() {
    if (cy) cy.elements().removeClass('faded near');
  }

  function selectNode(node) {
    focusNode(node);
    // Zoom onto the node and its neighbours, never closer than readable text needs.
    const near = node.closedNeighborhood();
    cy.stop();
    cy.animate({ fit: { eles: near, padding: 70 } }, { duration: 350, complete: () => cy.zoom() > 1.25 && cy.zoom({ level: 1.25, position: node.position() }) });
    showFacts(node.data()).catch((err) => showPanelError(err));
  }

  // ---------------------------------------------------------------------------
  // The side panel: an entity's facts, each with its evidence sentence.

  const FAMILIES = [
    { type: `${NS.ng}Quote`, title: 'Quotes' },
    { type: `${NS.ng}ReportedSpeech`, title: 'Reported speech' },
    { type: `${NS.org}Membership`, title: 'Roles' },
    { type: `${NS.ng}Export`, title: 'Exports' },
    { type: `${NS.ng}Statistic`, title: 'Statistics' },
  ];

  let panelToken = 0;

  async function showFacts(node) {
    const token = ++panelToken;
    const isEntity = ENTITY_TYPES.includes(node.kind);
    const body = $('panel-body');
    body.replaceChildren(panelHeader(node), el('p', { class: 'hint', text: 'Loading facts…' }));

    const types = FAMILIES.map((f) => iriRef(f.type)).join(', ');
    const which = isEntity ? `?fact ?p ${iriRef(node.id)} .` : `VALUES ?fact { ${iriRef(node.id)} }`;
    const facts = await select(`SELECT DISTINCT ?fact ?type ?sentence ?start ?a WHERE { GRAPH ?g {
  ${which}
  ?fact a ?type ; ng:evidence ?ev ; prov:wasDerivedFrom ?a .
  FILTER(?type IN (${types}))
  ?ev ng:text ?sentence ; ng:startOffset ?start .
} }`);
    const ids = [...new Set(facts.map((f) => f.fact))];
    const [props, articles] = await Promise.all([
      ids.length ? select(`SELECT DISTINCT ?fact ?p ?o WHERE { GRAPH ?g { VALUES ?fact { ${ids.map(iriRef).join(' ')} } ?fact ?p ?o } }`) : [],
      isEntity ? select(`SELECT DISTINCT ?a WHERE { GRAPH ?g { ${iriRef(node.id)} ng:mentionedIn ?a } }`) : [],
    ]);
    if (token !== panelToken) return; // another node was clicked meanwhile

    const described = describeFacts(facts, props);
    const parts = [panelHeader(node, articles.length)];
    if (!described.length) parts.push(el('p', { class: 'hint', text: 'No facts with evidence for this node.' }));
    for (const family of FAMILIES) {
      const list = described.filter((f) => f.type === family.type);
      if (!list.length) continue;
      parts.push(el('h3', { text: `${family.title} (${list.length})` }), el('ol', { class: 'facts' }, ...list.slice(0, MAX_PANEL_FACTS).map(factItem)));
      if (list.length > MAX_PANEL_FACTS) {
        parts.push(el('p', { class: 'hint', text: `…and ${list.length - MAX_PANEL_FACTS} more: a SPARQL query below lists them all.` }));
      }
    }
    body.replaceChildren(...parts);
  }

  function panelHeader(node, articleCount) {
    const badge = el('span', { class: `badge kind-${node.kind}`, text: KIND_NAMES[node.kind] || node.kind });
    const title = el('p', { class: 'panel-name', text: node.kind === 'Quote' ? `“${node.full}”` : node.full });
    const head = el('div', { class: 'panel-head' }, badge, title);
    if (articleCount) head.append(el('p', { class: 'meta', text: `Mentioned in ${articleCount} ${articleCount === 1 ? 'article' : 'articles'}` }));
    return head;
  }

  /** One record per fact: its family, a one-line summary, the sentence, the article. */
  function describeFacts(facts, props) {
    const byFact = new Map();
    for (const r of props) {
      if (!byFact.has(r.fact)) byFact.set(r.fact, new Map());
      const m = byFact.get(r.fact);
      m.set(r.p, [...(m.get(r.p) || []), r.o]);
    }
    const seen = new Set();
    const out = [];
    for (const f of facts) {
      const key = `${f.fact}\u0000${f.type}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const p = byFact.get(f.fact) || new Map();
      const one = (prop) => (p.get(prop) || [])[0];
      out.push({
        type: f.type,
        summary: summarize(f.type, p, one),
        quote: [`${NS.ng}Quote`, `${NS.ng}ReportedSpeech`].includes(f.type) ? one(`${NS.ng}text`) : null,
        sentence: f.sentence,
        file: store.files.get(f.a) || shortIri(f.a),
        start: Number(f.start),
      });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
  }

  function summarize(type, p, one) {
    const label = (prop) => (one(prop) ? entityLabel(one(prop)) : null);
    switch (type) {
      case `${NS.ng}Quote`:
      case `${NS.ng}ReportedSpeech`:
        // The statement itself is marked in the sentence below.
        return `${label(`${NS.ng}speaker`)} ${one(`${NS.ng}speechVerb`) || 'said'}`;
      case `${NS.org}Membership`: {
        const role = store.roles.get(one(`${NS.org}role`)) || 'a role';
        const org = label(`${NS.org}organization`);
        const former = one(`${NS.ng}former`) === 'true' ? 'former ' : '';
        return `${label(`${NS.org}member`)}: ${former}${role}${org ? ` of ${org}` : ''}`;
      }
      case `${NS.ng}Export`: {
        const dests = (p.get(`${NS.ng}destination`) || []).map(entityLabel);
        return `${label(`${NS.ng}exporter`)} exports ${label(`${NS.ng}product`)}${dests.length ? ` to ${dests.join(', ')}` : ''}`;
      }
      case `${NS.ng}Statistic`: {
        const source = label(`${NS.ng}attributedTo`);
        return `${formatNumber(one(`${NS.ng}value`))}: ${one(`${NS.rdfs}label`)}${source ? ` (according to ${source})` : ''}`;
      }
      default:
        return shortIri(type);
    }
  }

  function factItem(fact) {
    const sentence = el('blockquote', { class: 'evidence' });
    const at = fact.quote ? fact.sentence.indexOf(fact.quote) : -1;
    if (at >= 0) {
      sentence.append(fact.sentence.slice(0, at), el('mark', { text: fact.quote }), fact.sentence.slice(at + fact.quote.length));
    } else {
      sentence.textContent = fact.sentence;
      if (fact.quote) sentence.prepend(el('mark', { text: `“${fact.quote}”` }), el('br'));
    }
    const source = el('p', { class: 'source' }, el('span', { class: 'file', text: fact.file }), ` · character ${fact.start.toLocaleString('en-US')}`);
    return el('li', {}, el('p', { class: 'summary-line', text: fact.summary }), sentence, source);
  }

  function showPanelError(err) {
    $('panel-body').replaceChildren(el('p', { class: 'error-text', text: `Could not load the facts: ${err.message}` }));
  }

  // ---------------------------------------------------------------------------
  // The SPARQL box.

  function fillExamples() {
    const select = $('example');
    select.replaceChildren(...EXAMPLES.map((ex, i) => el('option', { value: String(i), text: ex.title })));
    select.addEventListener('change', () => {
      $('sparql').value = EXAMPLES[Number(select.value)].query;
      $('sparql').focus();
    });
    $('sparql').value = EXAMPLES[0].query;
  }

  let running = false;

  async function runQuery() {
    if (running) return;
    running = true;
    const button = $('run');
    button.disabled = true;
    $('error').hidden = true;
    $('status').textContent = 'Running…';
    const started = performance.now();
    try {
      const json = await sparql($('sparql').value);
      const ms = Math.round(performance.now() - started);
      $('status').textContent = renderResults(json, ms);
    } catch (err) {
      $('results').replaceChildren();
      $('status').textContent = err.status ? `The server answered ${err.status}.` : '';
      $('error').textContent = err.message;
      $('error').hidden = false;
    } finally {
      running = false;
      button.disabled = false;
    }
  }

  /** Fills the results table; returns the status line. */
  function renderResults(json, ms) {
    const table = $('results');
    if (typeof json.boolean === 'boolean') {
      table.replaceChildren(el('tbody', {}, el('tr', {}, el('td', { text: json.boolean ? 'true' : 'false' }))));
      return `ASK answered in ${ms} ms.`;
    }
    const vars = (json.head && json.head.vars) || [];
    const bindings = (json.results && json.results.bindings) || [];
    const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'rownum', text: '#' }), ...vars.map((v) => el('th', { scope: 'col', text: v }))));
    const rows = bindings.slice(0, MAX_TABLE_ROWS).map((b, i) =>
      el('tr', {}, el('td', { class: 'rownum', text: String(i + 1) }), ...vars.map((v) => termCell(b[v]))),
    );
    table.replaceChildren(head, el('tbody', {}, ...rows));
    const n = bindings.length;
    const shown = n > MAX_TABLE_ROWS ? ` (showing the first ${MAX_TABLE_ROWS})` : '';
    return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} in ${ms} ms${shown}.`;
  }

  const NUMERIC = new Set(['integer', 'decimal', 'double', 'float', 'long', 'int'].map((t) => `${NS.xsd}${t}`));

  function termCell(term) {
    if (!term) return el('td', { class: 'unbound' });
    if (term.type === 'uri') {
      const known = store.entities.get(term.value);
      return el('td', { class: 'iri', title: term.value, text: known ? `${known.label} (${shortIri(term.value)})` : shortIri(term.value) });
    }
    if (term.type === 'bnode') return el('td', { class: 'iri', text: `_:${term.value}` });
    const numeric = NUMERIC.has(term.datatype);
    return el('td', { class: numeric ? 'num' : '', text: numeric ? formatNumber(term.value) : term.value });
  }

  /** Selects the entity labelled `text`, drawing it first when the cap left it out. */
  async function findNode(text) {
    const wanted = text.trim().toLowerCase();
    const g = viewCache.get(currentView);
    const match = g && [...g.nodes.values()].find((n) => ENTITY_TYPES.includes(n.kind) && n.label.toLowerCase() === wanted);
    if (!match) return;
    if (cy.getElementById(match.id).empty()) await showView(currentView, match.id);
    const node = cy.getElementById(match.id);
    if (node.nonempty()) selectNode(node);
  }

  // ---------------------------------------------------------------------------
  // Wiring.

  function wire() {
    for (const radio of document.querySelectorAll('input[name="view"]')) {
      radio.addEventListener('change', () => radio.checked && showView(radio.value));
    }
    $('with-reported').addEventListener('change', () => {
      viewCache.delete('who-said-what');
      if (currentView === 'who-said-what') showView('who-said-what');
    });
    for (const id of ['since', 'until']) {
      $(id).addEventListener('change', () => {
        const ok = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/.test($(id).value.trim());
        $(id).setCustomValidity(ok ? '' : 'a year, a month or a day: 2023, 2023-06 or 2023-06-17');
        $(id).reportValidity();
        if (!ok) return;
        viewCache.clear();
        if (currentView) showView(currentView);
      });
    }
    $('run').addEventListener('click', runQuery);
    $('sparql').addEventListener('keydown', (evt) => {
      if (evt.key === 'Enter' && (evt.ctrlKey || evt.metaKey)) {
        evt.preventDefault();
        runQuery();
      }
    });
    $('find').addEventListener('change', () => findNode($('find').value).catch((err) => showPanelError(err)));
    $('fit').addEventListener('click', () => {
      clearFocus();
      if (cy) cy.fit(undefined, 24);
    });
  }

  async function start() {
    fillExamples();
    wire();
    try {
      await loadStore();
    } catch (err) {
      $('store-summary').textContent = `Could not reach the store: ${err.message}`;
      return;
    }
    const checked = document.querySelector('input[name="view"]:checked');
    await showView(checked ? checked.value : 'who-said-what');
  }

  // The graph, for the browser console and the end-to-end test (which clicks
  // a node where Cytoscape drew it).
  window.newsgraph = Object.freeze({ graph: () => cy });

  start();
})();
