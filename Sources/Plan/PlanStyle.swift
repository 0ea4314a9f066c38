/// The plan page's only stylesheet, inlined so the page is one file that prints the same on any
/// machine, offline. Black and grey only: plans are printed on office printers, often in mono.
enum PlanStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt;
           line-height: 1.4; color: #111; background: #fff; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { font-size: 1.7rem; margin: 0.2rem 0 0.8rem; }
    h2 { font-size: 1.25rem; border-bottom: 1px solid #888; padding-bottom: 0.15rem; margin: 1.8rem 0 0.6rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    p, ul, ol { margin: 0.3rem 0 0.6rem; }
    .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: #444; margin: 0; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; }
    .facts dt { font-weight: bold; }
    .facts dd { margin: 0; }
    code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.88em; overflow-wrap: anywhere; }
    .provenance { border-left: 4px solid #555; background: #f2f2f2; padding: 0.45rem 0.8rem; }
    .meta { color: #333; }
    .time { font-variant-numeric: tabular-nums; white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 0.8rem; }
    th, td { border: 1px solid #888; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
    th { background: #e8e8e8; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.pause td { font-style: italic; color: #333; }
    th.level { font-size: 0.8rem; text-align: center; width: 4.2rem; }
    td.tick { text-align: center; }
    .box { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #222; vertical-align: -0.1em; }
    ul.checklist { list-style: none; padding-left: 0.2rem; columns: 2; }
    ul.checklist li { break-inside: avoid; }
    ul.checklist .box { margin-right: 0.5em; }
    a { color: inherit; }
    @page { size: A4; margin: 15mm 14mm 16mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      a { text-decoration: none; }
      .provenance, th { background: none; }
      /* A page may end between items, not inside one, where an item fits on a page. */
      section.item { break-inside: avoid-page; }
      h2, h3 { break-after: avoid-page; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
    }
    """
}
