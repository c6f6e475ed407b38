/// The console's stylesheet, served at /assets/park.css (embedded so the binary runs from any
/// directory). No JavaScript framework: pages work without script.
enum Assets {
    static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b5cab"/>\
    <text x="16" y="23" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-size="20" font-weight="700" fill="#fff">P</text></svg>
    """

    static let css = """
    :root{--ink:#1c2430;--muted:#5f6b7a;--line:#e3e7ee;--bg:#f4f6f9;--card:#fff;--brand:#0b5cab;--brand2:#0a3d73;--ok:#1a7f37;--bad:#c62828;--warn:#b26a00}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.55 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
    a{color:var(--brand);text-decoration:none}a:hover{text-decoration:underline}
    header.top{display:flex;flex-wrap:wrap;align-items:center;column-gap:24px;background:linear-gradient(90deg,var(--brand2),var(--brand));color:#fff;padding:0 24px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
    header.top .brand{height:48px;white-space:nowrap}
    header.top a{color:#e8f0fb}.brand{font-weight:700;font-size:17px;display:flex;align-items:center;gap:10px;color:#fff!important}
    .logo{display:inline-grid;place-items:center;width:30px;height:30px;border-radius:8px;background:#fff;color:var(--brand);font-weight:800}
    header nav{order:3;flex:1 0 100%;display:flex;flex-wrap:wrap;gap:0 2px;margin:0 -24px;padding:0 16px;border-top:1px solid rgba(255,255,255,.14)}
    header nav a{padding:8px 12px 7px;border-bottom:3px solid transparent;white-space:nowrap}
    header nav a.active{border-bottom-color:#fff;color:#fff;font-weight:600}header nav a:hover{text-decoration:none;background:rgba(255,255,255,.08)}
    header .right{order:2;margin-left:auto;display:flex;align-items:center;gap:16px;white-space:nowrap}.who{opacity:.9}
    .lang{border:1px solid rgba(255,255,255,.5);border-radius:14px;padding:2px 10px}
    button.link{background:none;border:0;color:#e8f0fb;cursor:pointer;font:inherit;padding:0}
    form.inline{display:inline}
    main{max-width:1280px;margin:24px auto;padding:0 24px}
    footer{text-align:center;color:var(--muted);font-size:12px;padding:24px}
    h1{font-size:22px;margin:0 0 16px}h2{font-size:16px;margin:0 0 12px}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px;margin-bottom:20px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
    .card.narrow{max-width:420px;margin:60px auto}
    .grid{display:grid;gap:16px}.g4{grid-template-columns:repeat(auto-fit,minmax(180px,1fr))}.g2{grid-template-columns:repeat(auto-fit,minmax(380px,1fr))}.g2.wide{grid-template-columns:repeat(auto-fit,minmax(560px,1fr))}.grid>.scroll{min-width:0}
    .stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px}
    .stat .v{font-size:28px;font-weight:700;color:var(--brand2)}.stat .k{color:var(--muted)}
    table{width:100%;border-collapse:collapse;background:var(--card)}
    th,td{padding:9px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:#f8fafc;color:var(--muted);font-weight:600;white-space:nowrap}table.reports th{white-space:normal;vertical-align:bottom}table.reports td{padding:9px 8px}table.reports td.num{white-space:nowrap}
    tbody tr:hover{background:#f6f9fe}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
    .sub{color:var(--muted);font-size:12.5px}
    .badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#eef3fb;color:var(--brand2);font-size:12px;margin:1px 2px 1px 0;white-space:nowrap}
    .badge.f500{background:#fff4e5;color:var(--warn)}.badge.rd{background:#e8f6ec;color:var(--ok)}.badge.hq{background:#f3eefc;color:#5b3cc4}
    .badge.off{background:#fdecec;color:var(--bad)}
    form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end}
    label{display:flex;flex-direction:column;gap:4px;color:var(--muted);font-size:12.5px}
    input,select{font:inherit;padding:7px 9px;border:1px solid #cdd5df;border-radius:6px;background:#fff;color:var(--ink);min-width:120px}
    input[type=search]{min-width:260px}select{max-width:280px}.nowrap{white-space:nowrap}input[type=checkbox]{min-width:0}
    label.check{flex-direction:row;align-items:center;gap:6px;color:var(--ink)}
    .btn,button.btn{display:inline-block;background:var(--brand);color:#fff;border:0;border-radius:6px;padding:8px 16px;font:inherit;cursor:pointer}
    .btn.ghost{background:#fff;color:var(--brand);border:1px solid var(--brand)}.btn.small{padding:3px 10px;font-size:12.5px}
    .btn.danger{background:var(--bad)}
    .toolbar{display:flex;justify-content:space-between;align-items:center;margin:14px 0}
    .pager{display:flex;gap:8px;align-items:center}
    .bar{display:flex;align-items:center;gap:8px;margin:6px 0}.bar .lbl{width:200px}.bar .track{flex:1;background:#eef2f7;border-radius:4px;height:14px;overflow:hidden}
    .bar svg.track{display:block;height:14px;min-width:0}.bar .fill{fill:var(--brand)}.bar .n{width:60px;text-align:right;font-variant-numeric:tabular-nums}
    dl.facts{display:grid;grid-template-columns:180px 1fr;gap:8px 16px;margin:0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
    .error{color:var(--bad)}.ok{color:var(--ok)}
    .notice{padding:12px 14px;border-radius:8px;margin-bottom:16px}.notice.ok{background:#e8f6ec}.notice.bad{background:#fdecec;color:var(--bad)}
    pre.diff{white-space:pre-wrap;margin:0;font-size:12px}
    .login-brand{text-align:center;margin-bottom:18px}.login-brand .logo{width:48px;height:48px;font-size:24px;background:var(--brand);color:#fff}
    .stack{display:flex;flex-direction:column;gap:12px}.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:10px 14px;align-items:end}fieldset.checks{margin-top:12px}fieldset.checks label.check{display:inline-flex;margin:4px 14px 4px 0}
    svg.map{width:100%;height:auto;background:#eef3f8;border-radius:8px}svg.map polygon{stroke:#fff;stroke-width:.6}svg.map a:hover polygon{stroke:#111;stroke-width:1.5}
    .landmap{position:relative}.landmap svg.landmap-svg{display:block;aspect-ratio:4/3;touch-action:none;cursor:grab;background:#f4f1ea}
    .landmap .sub-area{fill:#f8f6f0;stroke:#b9b2a3;stroke-width:1;stroke-dasharray:6 4}.landmap .lake{fill:#a9cfe8;stroke:#7fb0d4;stroke-width:1}
    .landmap .road{fill:none;stroke:#d9c9a0;stroke-width:3}.landmap #parcels polygon{stroke:#fff;stroke-width:.8}.landmap #parcels a:hover polygon{stroke:#111;stroke-width:2}
    .landmap .area-label{fill:#7a7263;font-weight:600;pointer-events:none}.landmap .lake-label{fill:#2f6f9e;font-style:italic;pointer-events:none}
    .landmap .cluster circle{fill-opacity:.88;stroke:#fff;stroke-width:1.5}.landmap .cluster text{font-weight:700;pointer-events:none}
    .landmap .cluster:hover circle{stroke:#111;stroke-width:2.5}.landmap .map-tools{position:absolute;top:8px;left:8px;display:flex;gap:4px;z-index:1}
    .landmap .map-tools .btn{background:#fff}.landmap svg.map-overlay{position:absolute;right:8px;bottom:8px;width:160px;height:64px;pointer-events:none}
    .map-overlay .north path{fill:#333}.map-overlay .north text{font-size:12px;font-weight:700;fill:#333}.map-overlay .scale-bg{fill:#fff;fill-opacity:.85}
    .map-overlay .scale-bar{fill:#333}.map-overlay .scale-label{font-size:11px;fill:#333}
    .legends{display:flex;flex-wrap:wrap;gap:12px;margin-top:8px}.legend{display:inline-flex;align-items:center;gap:6px;font-size:12.5px}.legend i{width:14px;height:14px;border-radius:3px;display:inline-block}
    .kpi{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:14px}.kpi svg{width:100%;height:auto;background:#fafbfd;border:1px solid var(--line);border-radius:8px}
    .timeline{display:flex;flex-wrap:wrap;gap:0;margin:8px 0}.timeline div{flex:1;min-width:120px;border-top:4px solid var(--brand);padding:6px 8px 0}.timeline div.future{border-top-color:#cdd5df;color:var(--muted)}
    .timeline b{display:block;font-size:12.5px}.met{color:var(--ok);font-weight:600}.miss{color:var(--bad);font-weight:600}
    textarea{font:inherit;padding:7px 9px;border:1px solid #cdd5df;border-radius:6px;width:100%;min-height:70px}
    .badge.grade-a,.legend i.grade-a{background:#1a9850;color:#fff}.badge.grade-b,.legend i.grade-b{background:#91cf60;color:#17301a}
    .badge.grade-c,.legend i.grade-c{background:#fdae61;color:#4a2800}.badge.grade-d,.legend i.grade-d{background:#d73027;color:#fff}
    .card.flush{padding:0}.card .pad,.card h2.pad{padding:16px 20px 0}p.pad{padding:0 20px 16px}.scroll{overflow-x:auto}
    .charts{display:flex;flex-wrap:wrap;gap:14px}.charts svg.natural{max-width:100%;height:auto;background:#fafbfd;border:1px solid var(--line);border-radius:8px}
    svg.chart{width:100%;height:auto;background:#fafbfd;border:1px solid var(--line);border-radius:8px}
    .g6{grid-template-columns:repeat(auto-fit,minmax(150px,1fr));margin-bottom:16px}.stat .v .badge{font-size:15px}
    .actions{display:flex;flex-wrap:wrap;gap:10px;align-items:center}.actions form{margin:0}label.grow{flex:1;min-width:260px}
    ul.notes{margin:6px 0 0;padding-left:20px}ul.notes li{margin:4px 0}h3{font-size:14px;margin:14px 0 8px}
    ol.shortfalls{margin:0;padding-left:20px}ol.shortfalls li{margin:8px 0;padding:6px 8px;border-radius:6px}
    ol.shortfalls li.top{background:#fdecec;border-left:4px solid var(--bad)}.lost{color:var(--bad);font-weight:600;margin-left:6px}
    td.trace{font-size:12.5px;max-width:420px}.conclusion{margin:12px 0 0}
    table.matrix td.diag{background:#e8f6ec;font-weight:700}table.matrix td.moved{background:#fff4e5;font-weight:600}table.matrix td.zero{color:#b0b8c4}
    div.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin-bottom:8px}table.form td{padding:5px 8px;vertical-align:middle}table.form input{min-width:90px;width:120px}
    tr.invalid td,.invalid input,label.invalid input{border-color:var(--bad);background:#fdecec}.filters.invalid{outline:2px solid #f3b5b5;border-radius:6px;padding:4px}
    pre.doc{white-space:pre-wrap;font-size:12px;max-height:480px;overflow:auto;background:#f8fafc;padding:10px;border-radius:6px}
    details.card summary{cursor:pointer;font-weight:600}.card.dry{border-color:#f0c36d;background:#fffdf6}.kpi.spaced{margin-top:14px}
    .editor-grid{grid-template-columns:minmax(0,3fr) minmax(320px,2fr);align-items:start}@media(max-width:1000px){.editor-grid{grid-template-columns:1fr}}
    .code-editor{display:flex;border:1px solid #cdd5df;border-radius:6px;overflow:hidden;background:#fff}
    .code-editor .gutter,.code-editor textarea{font:12.5px/20px "DejaVu Sans Mono",Menlo,Consolas,monospace;margin:0;padding:8px}
    .code-editor .gutter{background:#f3f5f8;color:#8a94a3;text-align:right;min-width:46px;overflow:hidden;user-select:none;border-right:1px solid var(--line);white-space:pre}
    .code-editor .gutter span.err{background:#fdecec;color:var(--bad);font-weight:700}.code-editor .gutter span.warn{background:#fff4e5;color:var(--warn);font-weight:700}
    .code-editor textarea{flex:1;border:0;border-radius:0;min-height:420px;resize:vertical;white-space:pre;overflow:auto;tab-size:2}
    ul.diagnostics{list-style:none;margin:0;padding:0}ul.diagnostics li{padding:6px 10px;border-radius:6px;margin:4px 0;cursor:pointer}
    ul.diagnostics li.error{background:#fdecec;color:var(--bad)}ul.diagnostics li.warning{background:#fff4e5;color:var(--warn)}ul.diagnostics li.ok{background:#e8f6ec;color:var(--ok);cursor:default}
    .actions.spaced,.filters.spaced,p.spaced{margin-top:12px}h2.spaced{margin-top:18px}
    table.conditions td.mark{width:28px;text-align:center}.mark{font-weight:700;font-size:15px}.mark.yes{color:var(--ok)}.mark.no{color:var(--bad)}.mark.unknown{color:var(--warn)}
    .explanation .answer{margin:6px 0 10px}.explanation .amount{font-size:17px;color:var(--brand2);margin:0 6px}.explanation ol.steps{margin:0;padding-left:22px}.explanation ol.steps li.sub-step{margin-left:20px;list-style-type:circle}
    .missing{background:#fff8eb;border-left:4px solid var(--warn);padding:8px 12px;border-radius:6px;margin:8px 0}.missing ul{margin:4px 0 0;padding-left:20px}
    article.policy-answer{border-top:1px solid var(--line);padding:12px 0}article.policy-answer:first-of-type{border-top:0}article.policy-answer h3{margin:0 0 4px;font-size:15px}
    tr.selected td{background:#eef3fb}fieldset.plain{border:1px solid var(--line);border-radius:8px;padding:10px 14px}fieldset.plain legend{color:var(--muted);font-size:12.5px;padding:0 6px}
    fieldset.invalid,label.invalid select{border-color:var(--bad);background:#fdecec}.tried{margin-top:14px;border-top:1px solid var(--line);padding-top:8px}
    .legend svg.swatch{width:14px;height:14px;display:inline-block;flex:none}.grid.g31{grid-template-columns:minmax(0,3fr) minmax(240px,1fr)}
    .padded{padding:16px}tr.superseded td{color:#8a94a3;text-decoration:line-through}table.contract input{min-width:60px;width:110px}
    .grid.tiles{grid-template-columns:repeat(auto-fit,minmax(270px,1fr));margin-bottom:20px}.stat.tile .v{font-size:24px}.stat.tile .k{font-weight:600;color:var(--ink)}
    .progress-block{margin-top:8px;border-top:1px dashed var(--line);padding-top:6px}.bar svg.progress{flex:1;height:14px;border-radius:4px}
    .badge.warn{background:#fff4e5;color:var(--warn)}.badge.ok{background:#e8f6ec;color:var(--ok)}.bar .n.wide{width:110px}table.pack{font-size:12.5px}section.profile dl.facts{margin-bottom:8px}
    @page wide{size:A4 landscape;margin:12mm}
    table.pack td:first-child{min-width:7em}section.derived .g4{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
    @media print{.board-pack{page:wide}table.pack{font-size:7.5pt}table.pack th,table.pack td{padding:3px 4px;white-space:normal}.page-break{break-before:page}thead{display:table-header-group}section.card.pack h2{margin-top:0}.kpi{grid-template-columns:repeat(2,1fr)}a[href]{text-decoration:none}}
    ol.thread{list-style:none;margin:0;padding:0}ol.thread li.msg{border-left:3px solid var(--line);padding:6px 12px;margin:8px 0}ol.thread .meta{color:var(--muted);font-size:12.5px}
    ol.thread li.internal{border-color:var(--bad);background:#fff8f8}ol.thread li.reply{border-color:var(--ok);background:#f3fbf5}ol.thread li.question{border-color:var(--warn)}ol.thread .text{white-space:pre-wrap}
    p.countdown{margin:0;font-weight:600;color:var(--brand2)}p.countdown.over,td.over,span.over{color:var(--bad);font-weight:600}p.countdown.paused{color:var(--warn)}
    form.inline-form{display:inline-flex;flex-wrap:wrap;gap:6px;align-items:center;margin:4px 6px 4px 0}form.inline-form textarea{min-width:260px}
    .muted,.k{color:var(--muted)}label.check{display:inline-flex;gap:4px;align-items:center}tr.unread td{font-weight:600}
    a.inbox-link{display:inline-flex;gap:4px;align-items:center;margin-right:10px}img.badge-img{vertical-align:middle}
    form.form-grid{display:grid;gap:10px}form.form-grid label{display:grid;gap:4px}h3.spaced{margin-top:14px}
    @media print{@page{size:A4;margin:15mm}header.top,footer,nav,form.filters,.pager,.actions,.btn,button,.lang{display:none!important}
    body{background:#fff;font-size:11pt}main{max-width:none;margin:0;padding:0}.card{border:0;box-shadow:none;padding:0;margin-bottom:12pt;break-inside:avoid}
    .scroll{overflow:visible}th{background:#fff}a{color:inherit}table{font-size:10pt}tr{break-inside:avoid}}
    """
}
