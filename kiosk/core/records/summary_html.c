/* summary_html.c — the one-page HTML summary for the therapist. It is
 * self-contained (inline CSS and SVG, no scripts, no links) so it opens and
 * prints anywhere, laid out for one A4 or Letter page. Every string that goes
 * in is escaped, content strings too. Numbers in SVG are written with integer
 * arithmetic so a locale with a decimal comma can never break the drawing. */
#include "summary_private.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "screening.h"

/* ------------------------------------------------------------------------ */
/* HTML                                                                      */

/* Headings and labels the content does not define. The staff language's
 * string wins, then English, then this built-in English, so a missing key
 * can never show up as "summary.regions" on paper. */
static const struct {
    const char *key, *text;
} summary_defaults[] = {
    { "summary.title", "Intake summary" },
    { "summary.saved", "Saved" },
    { "summary.language", "Language" },
    { "summary.flags", "Safety flags" },
    { "summary.no_flags", "No safety flags" },
    { "summary.urgent", "Urgent" },
    { "summary.attention", "Attention" },
    { "summary.front", "Front" },
    { "summary.back", "Back" },
    { "summary.client_left", "client's left" },
    { "summary.client_right", "client's right" },
    { "summary.regions", "Regions" },
    { "summary.region", "Region" },
    { "summary.intensity", "Intensity" },
    { "summary.qualities", "Qualities" },
    { "summary.duration", "Duration" },
    { "summary.not_rated", "not rated" },
    { "summary.no_regions", "No regions marked" },
    { "summary.patterns", "Patterns the client recognised" },
    { "summary.none_of_these", "None of these" },
    { "summary.no_patterns", "None chosen" },
    { "summary.screening", "Screening answers" },
    { "summary.not_answered", "Not answered" },
    { "summary.preferences", "Preferences" },
    { "summary.pressure", "Pressure" },
    { "summary.avoid", "Avoid" },
    { "summary.none", "None" },
    { "summary.not_given", "Not given" },
    { "summary.consent", "Consent" },
    { "summary.consent_given", "Consent given" },
    { "summary.consent_not_given", "Consent NOT given" },
    { "summary.no_signature", "No signature" },
    { "summary.shortened", "Shortened to fit one page: areas by their anatomical names, "
                           "feelings as letters (key below), intensities as numbers. In full: "
                           "the intake's record (.json) and the kiosk's staff screen." },
    { "summary.feelings_key", "Feelings" },
    { "summary.flagged_above", "Flagged answers: see the safety flags above." },
};

size_t summary_text_key_count(void)
{
    return sizeof summary_defaults / sizeof summary_defaults[0];
}

const char *summary_text_key(size_t i, const char **english)
{
    if (i >= summary_text_key_count())
        return NULL;
    if (english)
        *english = summary_defaults[i].text;
    return summary_defaults[i].key;
}

static const char *staff_text(const pm_content *c, int lang, const char *key)
{
    if (content_has_text(c, lang, key))
        return content_text(c, lang, key);
    if (content_has_text(c, 0, key))
        return content_text(c, 0, key);
    for (size_t i = 0; i < sizeof summary_defaults / sizeof summary_defaults[0]; i++)
        if (strcmp(summary_defaults[i].key, key) == 0)
            return summary_defaults[i].text;
    return content_text(c, lang, key);
}

/* How tightly the page is set. The first density whose estimated height
 * fits the shorter of A4 and Letter is used, so a long intake still prints
 * on one sheet of either. The last one is compact: it fits the heaviest
 * intake the kiosk can make (32 areas with all 14 feelings, every safety
 * answer flagged, 8 patterns; tests/print prints it on both papers), and
 * says on the page what it shortened and where the rest is. */
typedef struct {
    double pt;          /* body type size */
    double chart_mm;    /* height of each chart on paper */
    double pad_mm;      /* vertical padding of a table row */
    const char *body;   /* <body> tag that selects it in the style sheet */
    bool compact;       /* areas as a two-column list: anatomical names,
                         * feelings as letters, flagged answers not repeated */
} page_density;

static const page_density densities[] = {
    { 8.5, 105.0, 1.2, "<body>", false },
    { 7.0, 92.0, 0.6, "<body class=\"d1\">", false },
    { 6.0, 78.0, 0.4, "<body class=\"d2\">", false },
    { 6.0, 62.0, 0.2, "<body class=\"d2 d3\">", true },
};

typedef struct {
    const pm_content *c;
    const intake *in;
    int lang;
    summary_buf *b;
    const page_density *d;
} html_ctx;

/* Escaped string for key in the staff language. */
static void put_text(html_ctx *h, const char *key)
{
    summary_buf_escape(h->b, staff_text(h->c, h->lang, key));
}

static void put(html_ctx *h, const char *s)
{
    summary_buf_puts(h->b, s);
}

/* A chart coordinate with one decimal ("-12.5"), locale-proof, written by
 * hand: the charts print some ten thousand of them, and printf was most of
 * a save's time (50 M instructions). */
/* v as put_coord writes it, ending just before end; returns its start. */
static char *coord_before(char *end, double v)
{
    long t = lround(v * 10.0);
    char *p = end;
    unsigned long u = t < 0 ? 0ul - (unsigned long)t : (unsigned long)t;
    *--p = (char)('0' + u % 10);
    *--p = '.';
    u /= 10;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (t < 0)
        *--p = '-';
    return p;
}

static void put_coord(html_ctx *h, double v)
{
    char buf[32];
    buf[sizeof buf - 1] = '\0';
    put(h, coord_before(buf + sizeof buf - 1, v));
}

/* A polygon's point, "x,y" (after a space unless first), in one append:
 * the same bytes as put_coord's, a third of the calls (~2 M instructions
 * of a save at 1280x800). */
static void put_point(html_ctx *h, geo_point pt, bool first)
{
    char buf[72], *end = buf + sizeof buf;
    char *p = coord_before(end, pt.y);
    *--p = ',';
    p = coord_before(p, pt.x);
    if (!first)
        *--p = ' ';
    summary_buf_append(h->b, p, (size_t)(end - p));
}

/* Sizes are in em of the body type, so one class on <body> sets the
 * density of the whole page. */
static const char html_style[] =
    "@page { margin: 10mm }\n"
    "* { box-sizing: border-box }\n"
    "html { -webkit-print-color-adjust: exact; print-color-adjust: exact }\n"
    "body { margin: 0 auto; width: 190mm; font: 8.5pt/1.3 'DejaVu Sans', 'Noto Sans', "
    "Arial, sans-serif; color: #111 }\n"
    "body.d1 { font-size: 7pt }\n"
    "body.d2 { font-size: 6pt }\n"
    "header { display: flex; justify-content: space-between; align-items: baseline; "
    "border-bottom: 0.5mm solid #111; padding-bottom: 1mm }\n"
    "h1 { font-size: 1.5em; margin: 0 }\n"
    "h1 .name { font-weight: normal }\n"
    "h2 { font-size: 1.12em; margin: 2.5mm 0 1mm; border-bottom: 0.2mm solid #999 }\n"
    ".meta { color: #444; text-align: right }\n"
    ".flag { margin: 0.8mm 0; padding: 1mm 2mm; border-left: 2mm solid; font-size: 1.12em; "
    "break-inside: avoid }\n"
    ".flag b { text-transform: uppercase; margin-right: 2mm }\n"
    /* many flags: two columns of slimmer boxes */
    ".flist.two { columns: 2; column-gap: 3mm }\n"
    ".flist.two .flag { margin: 0 0 0.6mm; padding: 0.5mm 1.5mm; font-size: 1em }\n"
    ".flist.two .flag:first-child { margin-top: 0 }\n"
    ".urgent { background: #fde3e0; border-color: #c62828; color: #a31515 }\n"
    ".attention { background: #fff4d1; border-color: #e0a800; color: #5c4300 }\n"
    ".noflags { color: #2e6b30 }\n"
    ".main { display: flex; gap: 6mm; align-items: flex-start; margin-top: 2mm }\n"
    ".charts { flex: none }\n"
    ".pair { display: flex; gap: 3mm }\n"
    "figure { margin: 0 }\n"
    "figcaption { text-align: center; font-weight: bold }\n"
    "svg { display: block }\n"
    ".sides { display: flex; justify-content: space-between; gap: 1.5mm; font-size: 0.85em; "
    "color: #555 }\n"
    ".sides span:last-child { text-align: right }\n"
    ".legend { margin-top: 1.5mm; font-size: 0.9em }\n"
    ".legend span { margin-right: 2.5mm; white-space: nowrap }\n"
    ".side { flex: 1; min-width: 0 }\n"
    ".side h2:first-child { margin-top: 0 }\n"
    "p { margin: 0.5mm 0 }\n"
    "table { border-collapse: collapse; width: 100% }\n"
    "table.regions { table-layout: fixed }\n"
    "tr { break-inside: avoid }\n"
    "th, td { text-align: left; vertical-align: top; padding: 0.6mm 1mm; "
    "border-bottom: 0.2mm solid #ddd }\n"
    ".d1 th, .d1 td { padding: 0.3mm 1mm }\n"
    ".d2 th, .d2 td { padding: 0.2mm 1mm }\n"
    "th { font-size: 0.9em; color: #444; border-bottom: 0.3mm solid #888 }\n"
    "td.n { text-align: right; font-weight: bold }\n"
    "td.i { white-space: nowrap }\n"
    ".term { color: #555; font-style: italic }\n"
    ".sw { display: inline-block; width: 1.1em; height: 1.1em; border: 0.2mm solid #333; "
    "vertical-align: -0.2em; margin-right: 0.4em }\n"
    ".ans { margin: 0.6mm 0 }\n"
    ".ans span { font-weight: bold; padding: 0 0.5mm }\n"
    "ul.plain { margin: 0; padding-left: 4mm }\n"
    ".no { color: #a31515; font-weight: bold }\n"
    ".sig { border-bottom: 0.3mm solid #333; margin-top: 1mm }\n"
    ".sig polyline { fill: none; stroke: #111; stroke-width: 5; stroke-linecap: round; "
    "stroke-linejoin: round }\n"
    ".sig .dot { fill: #111 }\n"
    /* compact: the areas as a two-column list, feelings as letters */
    "ol.marks { columns: 2; column-gap: 4mm; margin: 0; padding: 0; list-style: none }\n"
    "ol.marks li { break-inside: avoid; padding: 0.15mm 0; border-bottom: 0.2mm solid #ddd }\n"
    "ol.marks .n { display: inline-block; min-width: 1.6em; font-weight: bold }\n"
    "ol.marks .q { font-family: 'DejaVu Sans Mono', monospace; letter-spacing: -0.02em }\n"
    ".d3 h2 { margin: 1.2mm 0 0.6mm }\n"
    ".d3 .flag b { margin-right: 1mm }\n"
    ".note { margin-top: 1mm; color: #444; font-size: 0.95em }\n"
    ".note b { color: #111 }\n"
    ".pats { margin: 0 }\n";

static void html_head(html_ctx *h)
{
    const char *code = content_lang_code(h->c, (size_t)h->lang);
    put(h, "<!DOCTYPE html>\n<html lang=\"");
    summary_buf_escape(h->b, code);
    put(h, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    put_text(h, "summary.title");
    if (h->in->name[0]) {
        put(h, " \xe2\x80\x94 "); /* em dash */
        summary_buf_escape(h->b, h->in->name);
    }
    put(h, "</title>\n<style>\n");
    put(h, html_style);
    put(h, "</style>\n</head>\n");
    put(h, h->d->body);
    put(h, "\n");
}

static void html_header(html_ctx *h, int64_t saved_at)
{
    char when[40];
    if (!summary_format_utc(saved_at, false, when, sizeof when))
        snprintf(when, sizeof when, "%lld", (long long)saved_at);
    put(h, "<header>\n<h1>");
    put_text(h, "summary.title");
    if (h->in->name[0]) {
        put(h, ": <span class=\"name\">");
        summary_buf_escape(h->b, h->in->name);
        put(h, "</span>");
    }
    put(h, "</h1>\n<div class=\"meta\">");
    put_text(h, "summary.saved");
    put(h, " ");
    summary_buf_escape(h->b, when);
    put(h, " &middot; ");
    put_text(h, "summary.language");
    put(h, ": ");
    int li = content_lang_index(h->c, h->in->lang);
    summary_buf_escape(h->b, li >= 0 ? content_lang_name(h->c, (size_t)li) : h->in->lang);
    put(h, "</div>\n</header>\n");
}

static void html_flag(html_ctx *h, size_t q)
{
    const pm_question *qu = content_question(h->c, q);
    int a = h->in->answers[q];
    pm_flag f = qu->answer_flags[a];
    summary_buf_printf(h->b, "<div class=\"flag %s\"><b>", summary_flag_name(f));
    put_text(h, f == FLAG_URGENT ? "summary.urgent" : "summary.attention");
    put(h, "</b>");
    put_text(h, qu->staff_key);
    put(h, ": <strong>");
    put_text(h, qu->answer_keys[a]);
    put(h, "</strong></div>\n");
}

/* More flags than this go in two columns (each box one line shorter). */
#define FLAGS_ONE_COLUMN 4

static void html_flags(html_ctx *h)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    size_t n = summary_flagged_questions(h->c, h->in, qs);
    put(h, "<section class=\"flags\">\n<h2>");
    put_text(h, "summary.flags");
    put(h, "</h2>\n");
    put(h, n > FLAGS_ONE_COLUMN ? "<div class=\"flist two\">\n" : "<div class=\"flist\">\n");
    for (size_t i = 0; i < n; i++)
        html_flag(h, qs[i]);
    put(h, "</div>\n");
    if (n == 0) {
        put(h, "<div class=\"noflags\">");
        put_text(h, "summary.no_flags");
        put(h, "</div>\n");
    }
    put(h, "</section>\n");
}

/* The fill for a mark: its band's colour, or a neutral blue-grey when the
 * client marked the region but gave no number. */
static unsigned mark_colour(const pm_content *c, const intake_mark *m)
{
    if (m->intensity == INTAKE_UNSET)
        return 0xb0bec5;
    const pm_band *band = content_band_for(c, m->intensity);
    return band ? band->colour & 0xffffff : 0xb0bec5;
}

static void html_polygon(html_ctx *h, const pm_region *r, int slot)
{
    put(h, "<polygon points=\"");
    for (size_t i = 0; i < r->npoly; i++)
        put_point(h, r->poly[i], i == 0);
    if (slot < 0) {
        put(h, "\" fill=\"#ececec\" stroke=\"#a8a8a8\" stroke-width=\"0.5\"");
    } else {
        summary_buf_printf(h->b, "\" fill=\"#%06x\" stroke=\"#222\" stroke-width=\"1\"",
                           mark_colour(h->c, &h->in->marks[slot]));
    }
    put(h, " vector-effect=\"non-scaling-stroke\"><title>");
    put_text(h, r->label_key);
    put(h, "</title></polygon>\n");
}

/* The number of the mark's row in the regions table, drawn on the chart. */
static void html_badge(html_ctx *h, const pm_region *r, int slot, double radius)
{
    put(h, "<circle cx=\"");
    put_coord(h, r->anchor.x);
    put(h, "\" cy=\"");
    put_coord(h, r->anchor.y);
    put(h, "\" r=\"");
    put_coord(h, radius);
    put(h, "\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1\" "
           "vector-effect=\"non-scaling-stroke\"/><text x=\"");
    put_coord(h, r->anchor.x);
    put(h, "\" y=\"");
    put_coord(h, r->anchor.y + radius * 0.36);
    put(h, "\" font-size=\"");
    put_coord(h, radius * 1.1);
    summary_buf_printf(h->b, "\" text-anchor=\"middle\" font-weight=\"bold\">%d</text>\n",
                       slot + 1);
}

/* The box around every region of both views, so front and back share one
 * scale, padded a little so outlines and badges are not clipped. */
static geo_bounds chart_box(const pm_content *c)
{
    geo_bounds bb = { 0, 0, content_chart_width(c), content_chart_height(c) };
    size_t n = content_region_count(c);
    for (size_t i = 0; i < n; i++) {
        geo_bounds r = content_region(c, i)->bounds;
        if (i == 0) {
            bb = r;
            continue;
        }
        bb.x0 = fmin(bb.x0, r.x0);
        bb.y0 = fmin(bb.y0, r.y0);
        bb.x1 = fmax(bb.x1, r.x1);
        bb.y1 = fmax(bb.y1, r.y1);
    }
    double pad = 0.03 * fmax(bb.x1 - bb.x0, bb.y1 - bb.y0);
    return (geo_bounds){ bb.x0 - pad, bb.y0 - pad, bb.x1 + pad, bb.y1 + pad };
}

/* One chart on paper: the density's height, unless the figure is so wide
 * that CHART_MAX_W_MM binds; then shorter, so no paper is left blank. */
#define CHART_MAX_W_MM 50.0

static void chart_size_mm(const pm_content *c, const page_density *d, double *w_mm,
                          double *h_mm)
{
    geo_bounds box = chart_box(c);
    double w = box.x1 - box.x0, hgt = box.y1 - box.y0;
    *w_mm = CHART_MAX_W_MM;
    *h_mm = d->chart_mm;
    if (!(w > 0) || !(hgt > 0))
        return;
    *w_mm = fmin(d->chart_mm * w / hgt, CHART_MAX_W_MM);
    *h_mm = *w_mm * hgt / w;
}

static double chart_width_mm(const pm_content *c, const page_density *d)
{
    double w, hgt;
    chart_size_mm(c, d, &w, &hgt);
    return w;
}

static double chart_height_mm(const pm_content *c, const page_density *d)
{
    double w, hgt;
    chart_size_mm(c, d, &w, &hgt);
    return hgt;
}

static void html_chart(html_ctx *h, pm_view view, geo_bounds box)
{
    double w = box.x1 - box.x0, hgt = box.y1 - box.y0;
    if (!(w > 0) || !(hgt > 0))
        w = hgt = 1;
    double width_mm, height_mm;
    chart_size_mm(h->c, h->d, &width_mm, &height_mm);
    put(h, "<figure>\n<figcaption>");
    put_text(h, view == VIEW_FRONT ? "summary.front" : "summary.back");
    put(h, "</figcaption>\n<svg viewBox=\"");
    put_coord(h, box.x0);
    put(h, " ");
    put_coord(h, box.y0);
    put(h, " ");
    put_coord(h, w);
    put(h, " ");
    put_coord(h, hgt);
    summary_buf_printf(h->b, "\" width=\"%.0fmm\" height=\"%.0fmm\" role=\"img\">\n",
                       floor(width_mm), floor(height_mm));
    size_t n = content_region_count(h->c);
    for (int pass = 0; pass < 2; pass++) /* marked ones last: outlines on top */
        for (size_t i = 0; i < n; i++) {
            const pm_region *r = content_region(h->c, i);
            int slot = intake_find_mark(h->in, (int)i);
            if (r->view == view && (slot >= 0) == (pass == 1))
                html_polygon(h, r, slot);
        }
    for (size_t s = 0; s < h->in->nmarks; s++) {
        const pm_region *r = content_region(h->c, (size_t)h->in->marks[s].region);
        if (r->view == view)
            html_badge(h, r, (int)s, 0.016 * fmax(w, hgt));
    }
    /* front: the client faces the viewer, so their right is on our left */
    put(h, "</svg>\n<div class=\"sides\"><span>");
    put_text(h, view == VIEW_FRONT ? "summary.client_right" : "summary.client_left");
    put(h, "</span><span>");
    put_text(h, view == VIEW_FRONT ? "summary.client_left" : "summary.client_right");
    put(h, "</span></div>\n</figure>\n");
}

static void put_band_range(html_ctx *h, const pm_band *band)
{
    if (band->min == band->max)
        summary_buf_printf(h->b, "%d", band->min);
    else
        summary_buf_printf(h->b, "%d\xe2\x80\x93%d", band->min, band->max); /* en dash */
}

static void html_legend(html_ctx *h)
{
    size_t n = content_band_count(h->c);
    put(h, "<div class=\"legend\">");
    for (size_t i = 0; i < n; i++) {
        const pm_band *band = content_band(h->c, i);
        summary_buf_printf(h->b, "<span><i class=\"sw\" style=\"background:#%06x\"></i>",
                           band->colour & 0xffffff);
        put_band_range(h, band);
        put(h, " ");
        put_text(h, band->label_key);
        put(h, "</span> ");
    }
    for (size_t s = 0; s < h->in->nmarks; s++) {
        if (h->in->marks[s].intensity != INTAKE_UNSET)
            continue;
        put(h, "<span><i class=\"sw\" style=\"background:#b0bec5\"></i>");
        put_text(h, "summary.not_rated");
        put(h, "</span>");
        break; /* only when some mark has no number */
    }
    put(h, "</div>\n");
}

/* The left column: both charts and their legend. */
static void html_charts(html_ctx *h)
{
    geo_bounds box = chart_box(h->c);
    put(h, "<div class=\"charts\">\n<div class=\"pair\">\n");
    html_chart(h, VIEW_FRONT, box);
    html_chart(h, VIEW_BACK, box);
    put(h, "</div>\n");
    html_legend(h);
    put(h, "</div>\n");
}

/* Labels of the set bits, comma-separated; "empty_key" when none. */
static void put_choice_list(html_ctx *h, uint32_t bits, size_t count, choice_get_fn get,
                            const char *empty_key)
{
    bool any = false;
    for (size_t i = 0; i < count && i < 32; i++) {
        if (!(bits & (UINT32_C(1) << i)))
            continue;
        if (any)
            put(h, ", ");
        put_text(h, get(h->c, i)->label_key);
        any = true;
    }
    if (!any && empty_key)
        put_text(h, empty_key);
}

static void html_mark_row(html_ctx *h, size_t slot)
{
    const intake_mark *m = &h->in->marks[slot];
    const pm_region *r = content_region(h->c, (size_t)m->region);
    summary_buf_printf(h->b, "<tr><td class=\"n\">%zu</td><td>", slot + 1);
    put_text(h, r->label_key);
    put(h, " &middot; <span class=\"term\">");
    put_text(h, r->term_key);
    summary_buf_printf(h->b,
                       "</span></td><td class=\"i\"><i class=\"sw\" "
                       "style=\"background:#%06x\"></i>",
                       mark_colour(h->c, m));
    const pm_band *band =
        m->intensity == INTAKE_UNSET ? NULL : content_band_for(h->c, m->intensity);
    if (band) {
        summary_buf_printf(h->b, "<b>%d</b> ", m->intensity);
        put_text(h, band->label_key);
    } else {
        put_text(h, "summary.not_rated");
    }
    put(h, "</td><td>");
    put_choice_list(h, m->qualities, content_quality_count(h->c), content_quality, NULL);
    put(h, "</td><td>");
    if (m->duration != INTAKE_UNSET)
        put_text(h, content_duration(h->c, (size_t)m->duration)->label_key);
    put(h, "</td></tr>\n");
}

/* Compact: a feeling is a letter ('A' + its index, then 'a'...); a run of
 * three or more is written "A–D". */
static char quality_letter(size_t i)
{
    return i < 26 ? (char)('A' + i) : (char)('a' + (i - 26));
}

static void put_quality_letters(html_ctx *h, uint32_t bits)
{
    size_t count = content_quality_count(h->c);
    if (count > 32)
        count = 32;
    for (size_t i = 0; i < count;) {
        if (!(bits & (UINT32_C(1) << i))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j + 1 < count && (bits & (UINT32_C(1) << (j + 1))))
            j++;
        if (j - i >= 2)
            summary_buf_printf(h->b, "%c\xe2\x80\x93%c", quality_letter(i), quality_letter(j));
        else
            for (size_t k = i; k <= j; k++)
                summary_buf_printf(h->b, "%c", quality_letter(k));
        i = j + 1;
    }
}

/* Compact: one list item per mark, two columns: number, colour, intensity,
 * the anatomical name, feelings as letters, how long. */
static void html_marks_compact(html_ctx *h)
{
    put(h, "<ol class=\"marks\">\n");
    for (size_t s = 0; s < h->in->nmarks; s++) {
        const intake_mark *m = &h->in->marks[s];
        const pm_region *r = content_region(h->c, (size_t)m->region);
        summary_buf_printf(h->b, "<li><span class=\"n\">%zu</span><i class=\"sw\" "
                                 "style=\"background:#%06x\"></i>",
                           s + 1, mark_colour(h->c, m));
        if (m->intensity != INTAKE_UNSET)
            summary_buf_printf(h->b, "<b>%d</b> ", m->intensity);
        put_text(h, r->term_key);
        if (m->qualities) {
            put(h, " &middot; <span class=\"q\">");
            put_quality_letters(h, m->qualities);
            put(h, "</span>");
        }
        if (m->duration != INTAKE_UNSET) {
            put(h, " &middot; ");
            put_text(h, content_duration(h->c, (size_t)m->duration)->label_key);
        }
        put(h, "</li>\n");
    }
    put(h, "</ol>\n");
    /* what the letters mean (those used), and what was shortened */
    uint32_t used = 0;
    for (size_t s = 0; s < h->in->nmarks; s++)
        used |= h->in->marks[s].qualities;
    if (used) {
        put(h, "<p class=\"note\"><b>");
        put_text(h, "summary.feelings_key");
        put(h, ":</b> ");
        bool first = true;
        for (size_t i = 0; i < content_quality_count(h->c) && i < 32; i++) {
            if (!(used & (UINT32_C(1) << i)))
                continue;
            summary_buf_printf(h->b, "%s<b>%c</b> ", first ? "" : " &middot; ", quality_letter(i));
            put_text(h, content_quality(h->c, i)->label_key);
            first = false;
        }
        put(h, "</p>\n");
    }
    put(h, "<p class=\"note\">");
    put_text(h, "summary.shortened");
    put(h, "</p>\n");
}

static void html_regions(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.regions");
    put(h, "</h2>\n");
    if (h->in->nmarks == 0) {
        put(h, "<p>");
        put_text(h, "summary.no_regions");
        put(h, "</p>\n</section>\n");
        return;
    }
    if (h->d->compact) {
        html_marks_compact(h);
        put(h, "</section>\n");
        return;
    }
    /* fixed columns: the page-height estimate can count lines per cell */
    put(h, "<table class=\"regions\">\n<colgroup><col style=\"width:5%\">"
           "<col style=\"width:39%\"><col style=\"width:13%\"><col style=\"width:31%\">"
           "<col style=\"width:12%\"></colgroup>\n");
    put(h, "<tr><th>#</th><th>");
    put_text(h, "summary.region");
    put(h, "</th><th>");
    put_text(h, "summary.intensity");
    put(h, "</th><th>");
    put_text(h, "summary.qualities");
    put(h, "</th><th>");
    put_text(h, "summary.duration");
    put(h, "</th></tr>\n");
    for (size_t s = 0; s < h->in->nmarks; s++)
        html_mark_row(h, s);
    put(h, "</table>\n</section>\n");
}

static void html_patterns(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.patterns");
    put(h, "</h2>\n");
    if (h->in->none_of_these || h->in->npatterns == 0) {
        put(h, "<p>");
        put_text(h, h->in->none_of_these ? "summary.none_of_these" : "summary.no_patterns");
        put(h, "</p>\n</section>\n");
        return;
    }
    if (h->d->compact) { /* one paragraph, not a line each */
        put(h, "<p class=\"pats\">");
        for (size_t i = 0; i < h->in->npatterns; i++) {
            put(h, i ? "; " : "");
            put_text(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key);
        }
        put(h, "</p>\n</section>\n");
        return;
    }
    put(h, "<ul class=\"plain\">\n");
    for (size_t i = 0; i < h->in->npatterns; i++) {
        put(h, "<li>");
        put_text(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key);
        put(h, "</li>\n");
    }
    put(h, "</ul>\n</section>\n");
}

/* Screening answers grouped by answer ("No: a; b; c"), flagged groups
 * first: eighteen questions take a few lines instead of eighteen rows, and
 * what differs from the usual answer stands out. */
typedef struct {
    const char *label; /* the answer in the staff language */
    pm_flag worst;
} answer_group;

static const char *answer_label(const html_ctx *h, size_t q)
{
    int a = h->in->answers[q];
    if (a == INTAKE_UNSET)
        return staff_text(h->c, h->lang, "summary.not_answered");
    return staff_text(h->c, h->lang, content_question(h->c, q)->answer_keys[a]);
}

/* Groups in display order: the most flagged first, then as they come;
 * "not answered" last. Returns how many. */
static size_t answer_groups(const html_ctx *h, answer_group g[CONTENT_MAX_QUESTIONS])
{
    size_t n = 0, nq = content_question_count(h->c);
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
        if (h->in->answers[q] == INTAKE_UNSET)
            continue;
        const char *label = answer_label(h, q);
        size_t k = 0;
        while (k < n && strcmp(g[k].label, label) != 0)
            k++;
        if (k == n)
            g[n++] = (answer_group){ label, FLAG_NONE };
        pm_flag f = summary_answer_flag(h->c, h->in, q);
        if (f > g[k].worst)
            g[k].worst = f;
    }
    for (size_t i = 1; i < n; i++) /* stable: insertion sort by flag */
        for (size_t k = i; k > 0 && g[k].worst > g[k - 1].worst; k--) {
            answer_group t = g[k];
            g[k] = g[k - 1];
            g[k - 1] = t;
        }
    return n;
}

/* True when question q belongs in the group label (or the unanswered
 * group) and is not flagged: flagged answers are listed once, on top. */
static bool in_group(const html_ctx *h, size_t q, const char *label, bool unanswered)
{
    bool is_unset = h->in->answers[q] == INTAKE_UNSET;
    if (is_unset && !screening_applies(h->c, h->in, (int)q))
        return false; /* a follow-up that was never asked */
    if (is_unset != unanswered || (!unanswered && strcmp(answer_label(h, q), label) != 0))
        return false;
    return summary_answer_flag(h->c, h->in, q) == FLAG_NONE;
}

static void html_answer_group(html_ctx *h, const char *label, bool unanswered)
{
    size_t nq = content_question_count(h->c);
    bool first = true, any = false;
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++)
        any = any || in_group(h, q, label, unanswered);
    if (!any)
        return;
    put(h, "<p class=\"ans\"><b>");
    summary_buf_escape(h->b, label);
    put(h, ":</b> ");
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
        if (!in_group(h, q, label, unanswered))
            continue;
        put(h, first ? "" : "; ");
        first = false;
        put_text(h, content_question(h->c, q)->staff_key);
    }
    put(h, "</p>\n");
}

static bool any_unanswered(const html_ctx *h)
{
    size_t nq = content_question_count(h->c);
    for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++)
        if (screening_unanswered(h->c, h->in, (int)q))
            return true;
    return false;
}

static void html_screening(html_ctx *h)
{
    answer_group g[CONTENT_MAX_QUESTIONS];
    size_t n = answer_groups(h, g);
    put(h, "<section>\n<h2>");
    put_text(h, "summary.screening");
    put(h, "</h2>\n");
    size_t qs[CONTENT_MAX_QUESTIONS];
    if (summary_flagged_questions(h->c, h->in, qs) > 0) {
        put(h, "<p class=\"ans\">");
        put_text(h, "summary.flagged_above");
        put(h, "</p>\n");
    }
    for (size_t i = 0; i < n; i++)
        html_answer_group(h, g[i].label, false);
    if (any_unanswered(h))
        html_answer_group(h, staff_text(h->c, h->lang, "summary.not_answered"), true);
    put(h, "</section>\n");
}

static void html_preferences(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.preferences");
    put(h, "</h2>\n<p><b>");
    put_text(h, "summary.pressure");
    put(h, ":</b> ");
    if (h->in->pressure == INTAKE_UNSET)
        put_text(h, "summary.not_given");
    else
        put_text(h, content_pressure(h->c, (size_t)h->in->pressure)->label_key);
    put(h, "<br><b>");
    put_text(h, "summary.avoid");
    put(h, ":</b> ");
    put_choice_list(h, h->in->avoid, content_avoid_count(h->c), content_avoid, "summary.none");
    put(h, "</p>\n</section>\n");
}

static void html_signature(html_ctx *h)
{
    const intake *in = h->in;
    if (in->nsig == 0) {
        put(h, "<p>");
        put_text(h, "summary.no_signature");
        put(h, "</p>\n");
        return;
    }
    summary_buf_printf(h->b,
                       "<svg class=\"sig\" viewBox=\"0 0 %d %d\" width=\"50mm\" height=\"20mm\" "
                       "role=\"img\">\n",
                       INTAKE_SIG_W, INTAKE_SIG_H);
    /* One element per stroke. A stroke that never moved (a tap: one point,
     * or several on the same spot) is a dot: a polyline of no length draws
     * nothing, and the page showed no signature at all. */
    for (size_t i = 0; i < in->nsig;) {
        size_t end = i + 1;
        bool moved = false;
        while (end < in->nsig && !in->sig[end].starts_stroke) {
            moved = moved || in->sig[end].x != in->sig[i].x || in->sig[end].y != in->sig[i].y;
            end++;
        }
        if (!moved) {
            summary_buf_printf(h->b, "<circle class=\"dot\" cx=\"%d\" cy=\"%d\" r=\"6\"/>\n",
                               in->sig[i].x, in->sig[i].y);
        } else {
            put(h, "<polyline points=\"");
            for (size_t k = i; k < end; k++)
                summary_buf_printf(h->b, "%s%d,%d", k == i ? "" : " ", in->sig[k].x,
                                   in->sig[k].y);
            put(h, "\"/>\n");
        }
        i = end;
    }
    put(h, "</svg>\n");
}

static void html_consent(html_ctx *h)
{
    put(h, "<section>\n<h2>");
    put_text(h, "summary.consent");
    put(h, "</h2>\n<p>");
    if (h->in->consent) {
        put(h, "&#10003; ");
        put_text(h, "summary.consent_given");
    } else {
        put(h, "<span class=\"no\">");
        put_text(h, "summary.consent_not_given");
        put(h, "</span>");
    }
    put(h, "</p>\n");
    html_signature(h);
    put(h, "</section>\n");
}

/* ---- will it fit one page? -------------------------------------------- */

/* A measure of the printed page, in millimetres, block by block, from the
 * type size and the characters each line must hold. It errs on the tall
 * side (a wide average character, a line lost to word wrap per paragraph)
 * and tests/print checks the result in Chromium on both papers: the page
 * chosen for every shape of intake there is one sheet.
 *
 * A4 less its 10 mm margins is 277 mm high; Letter less them is 259 mm.
 * Aim below the shorter, so it fits either at 100 %, with room for a font a
 * little taller than DejaVu Sans on the computer that prints it. */
#define PAGE_HEIGHT_MM 250.0
#define PAGE_WIDTH_MM 190.0 /* A4 less its margins; Letter is wider */
#define PT_MM 0.3528
#define CHAR_EM 0.58 /* average width of a character of DejaVu Sans, generously */
#define LINE_EM 1.3

static double line_mm(double pt)
{
    return pt * PT_MM * LINE_EM;
}

static double chars_per_line(double width_mm, double pt)
{
    double n = floor(width_mm / (pt * PT_MM * CHAR_EM));
    return n < 1 ? 1 : n;
}

/* Lines a paragraph of chars characters takes; word wrap leaves part of a
 * line empty, so a paragraph of more than one line is counted 10 % longer. */
static double para_lines(double chars, double width_mm, double pt)
{
    double per = chars_per_line(width_mm, pt);
    if (chars <= per)
        return 1;
    return ceil(chars * 1.1 / per);
}

static double chars_of(const char *s)
{
    long n = utf8_count(s, strlen(s));
    return n > 0 ? (double)n : 0;
}

static double key_chars(const html_ctx *h, const char *key)
{
    return chars_of(staff_text(h->c, h->lang, key));
}

static double heading_mm(double pt)
{
    return line_mm(pt * 1.12) + 3.7;
}

static double header_mm(const html_ctx *h, double pt)
{
    /* the title and name share the line with the time and language */
    double chars = key_chars(h, "summary.title") + 2 + chars_of(h->in->name);
    return para_lines(chars, PAGE_WIDTH_MM * 0.62, pt * 1.5) * line_mm(pt * 1.5) + 2.5;
}

static double flag_chars(const html_ctx *h, size_t q)
{
    const pm_question *qu = content_question(h->c, q);
    pm_flag f = qu->answer_flags[h->in->answers[q]];
    return key_chars(h, f == FLAG_URGENT ? "summary.urgent" : "summary.attention") + 3
           + key_chars(h, qu->staff_key) + 2 + key_chars(h, qu->answer_keys[h->in->answers[q]]);
}

static double flags_mm(const html_ctx *h, double pt)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    size_t n = summary_flagged_questions(h->c, h->in, qs);
    double mm = heading_mm(pt) + (n ? 0 : line_mm(pt));
    if (n <= FLAGS_ONE_COLUMN) {
        for (size_t i = 0; i < n; i++)
            mm += para_lines(flag_chars(h, qs[i]), PAGE_WIDTH_MM - 6, pt * 1.12)
                      * line_mm(pt * 1.12) + 3.6;
        return mm;
    }
    /* two columns filled top to bottom: the longer column's boxes */
    double col[2] = {0, 0};
    size_t half = (n + 1) / 2;
    for (size_t i = 0; i < n; i++)
        col[i < half ? 0 : 1] += para_lines(flag_chars(h, qs[i]), PAGE_WIDTH_MM / 2 - 7, pt)
                                     * line_mm(pt) + 1.8;
    return mm + fmax(col[0], col[1]);
}

/* Charts and legend. */
static double left_mm(const html_ctx *h, double pt)
{
    double w = 2 * chart_width_mm(h->c, h->d) + 3, legend = 0;
    for (size_t i = 0; i < content_band_count(h->c); i++)
        legend += key_chars(h, content_band(h->c, i)->label_key) + 9;
    return line_mm(pt) + chart_height_mm(h->c, h->d) + 2 * line_mm(pt * 0.85)
           + para_lines(legend, w, pt * 0.9) * line_mm(pt * 0.9) + 2.5;
}

static double choice_chars(const html_ctx *h, uint32_t bits, size_t count, choice_get_fn get)
{
    double chars = 0;
    for (size_t i = 0; i < count && i < 32; i++)
        if (bits & (UINT32_C(1) << i))
            chars += key_chars(h, get(h->c, i)->label_key) + 2;
    return chars;
}

/* Lines of the screening section: a note when some are flagged, then one
 * paragraph per group of unflagged answers. */
static double screening_lines(const html_ctx *h, double width_mm, double pt)
{
    size_t qs[CONTENT_MAX_QUESTIONS];
    double lines = summary_flagged_questions(h->c, h->in, qs) > 0
                       ? para_lines(key_chars(h, "summary.flagged_above"), width_mm, pt)
                       : 0;
    answer_group g[CONTENT_MAX_QUESTIONS + 1];
    size_t n = answer_groups(h, g);
    if (any_unanswered(h))
        g[n++] = (answer_group){ NULL, FLAG_NONE };
    size_t nq = content_question_count(h->c);
    for (size_t i = 0; i < n; i++) {
        const char *label = g[i].label ? g[i].label
                                       : staff_text(h->c, h->lang, "summary.not_answered");
        double chars = chars_of(label) + 2;
        bool any = false;
        for (size_t q = 0; q < nq && q < CONTENT_MAX_QUESTIONS; q++) {
            if (!in_group(h, q, label, g[i].label == NULL))
                continue;
            chars += key_chars(h, content_question(h->c, q)->staff_key) + 2;
            any = true;
        }
        if (any)
            lines += para_lines(chars, width_mm, pt);
    }
    return lines;
}

/* Screening answers, patterns, preferences, consent and signature beside
 * the charts. */
static double right_mm(const html_ctx *h, double pt, double width_mm)
{
    double mm = 4 * heading_mm(pt) + screening_lines(h, width_mm, pt) * line_mm(pt);
    if (h->in->npatterns == 0 || h->in->none_of_these) {
        mm += line_mm(pt);
    } else if (h->d->compact) {
        double chars = 0;
        for (size_t i = 0; i < h->in->npatterns; i++)
            chars += key_chars(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key) + 2;
        mm += para_lines(chars, width_mm, pt) * line_mm(pt);
    } else {
        for (size_t i = 0; i < h->in->npatterns; i++)
            mm += para_lines(key_chars(h, content_muscle(h->c, (size_t)h->in->patterns[i])->name_key),
                             width_mm - 4, pt)
                  * line_mm(pt);
    }
    double avoid = key_chars(h, "summary.avoid") + 2
                   + choice_chars(h, h->in->avoid, content_avoid_count(h->c), content_avoid);
    mm += (1 + para_lines(avoid, width_mm, pt)) * line_mm(pt);
    return mm + line_mm(pt) + (h->in->nsig ? 22 : line_mm(pt)); /* consent, signature */
}

static double mark_row_mm(const html_ctx *h, const intake_mark *m, double pt)
{
    const pm_region *r = content_region(h->c, (size_t)m->region);
    double name = key_chars(h, r->label_key) + 3 + key_chars(h, r->term_key);
    double lines = para_lines(name, PAGE_WIDTH_MM * 0.39 - 2, pt);
    lines = fmax(lines, para_lines(choice_chars(h, m->qualities, content_quality_count(h->c),
                                                content_quality),
                                   PAGE_WIDTH_MM * 0.31 - 2, pt));
    if (m->duration != INTAKE_UNSET)
        lines = fmax(lines, para_lines(key_chars(h, content_duration(h->c, (size_t)m->duration)->label_key),
                                       PAGE_WIDTH_MM * 0.12 - 2, pt));
    return lines * line_mm(pt) + h->d->pad_mm + 0.2;
}

/* Compact: the list in two columns (balanced, a whole item never split),
 * the letters' key and the note. */
static double marks_compact_mm(const html_ctx *h, double pt)
{
    double total = 0, tallest = 0, col_w = (PAGE_WIDTH_MM - 4) / 2;
    uint32_t used = 0;
    for (size_t s = 0; s < h->in->nmarks; s++) {
        const intake_mark *m = &h->in->marks[s];
        const pm_region *r = content_region(h->c, (size_t)m->region);
        double chars = 8 + key_chars(h, r->term_key) + 3 + 2 * (double)content_quality_count(h->c)
                       + (m->duration != INTAKE_UNSET
                              ? 3 + key_chars(h, content_duration(h->c, (size_t)m->duration)->label_key)
                              : 0);
        double mm = para_lines(chars, col_w, pt) * line_mm(pt) + 0.5;
        total += mm;
        tallest = fmax(tallest, mm);
        used |= m->qualities;
    }
    double key = key_chars(h, "summary.feelings_key") + 2
                 + choice_chars(h, used, content_quality_count(h->c), content_quality)
                 + 5 * (double)content_quality_count(h->c);
    return total / 2 + tallest + para_lines(key, PAGE_WIDTH_MM, pt * 0.95) * line_mm(pt * 0.95)
           + para_lines(key_chars(h, "summary.shortened"), PAGE_WIDTH_MM, pt * 0.95)
                 * line_mm(pt * 0.95)
           + 2.5;
}

static double page_mm(const html_ctx *h)
{
    double pt = h->d->pt;
    double side_w = PAGE_WIDTH_MM - 2 * chart_width_mm(h->c, h->d) - 3 - 6;
    double mm = header_mm(h, pt) + flags_mm(h, pt) + 2
                + fmax(left_mm(h, pt), right_mm(h, pt, side_w)) + heading_mm(pt);
    if (h->in->nmarks == 0)
        return mm + line_mm(pt);
    if (h->d->compact)
        return mm + marks_compact_mm(h, pt);
    mm += line_mm(pt * 0.9) + h->d->pad_mm;
    for (size_t s = 0; s < h->in->nmarks; s++)
        mm += mark_row_mm(h, &h->in->marks[s], pt);
    return mm;
}

/* The first density that fits; the compact one when none does (it fits
 * every intake the kiosk can make: tests/print). */
static void choose_density(html_ctx *h)
{
    size_t n = sizeof densities / sizeof densities[0];
    for (size_t i = 0; i < n; i++) {
        h->d = &densities[i];
        if (page_mm(h) <= PAGE_HEIGHT_MM)
            return;
    }
}

pm_status summary_render_html(const pm_content *c, const intake *in, int64_t saved_at,
                              int staff_lang, char **out)
{
    *out = NULL;
    if (!intake_fits(in, c) || staff_lang < 0
        || (size_t)staff_lang >= content_lang_count(c))
        return PM_ERR_INVALID;
    summary_buf b = { 0 };
    html_ctx h = { .c = c, .in = in, .lang = staff_lang, .b = &b };
    choose_density(&h);
    html_head(&h);
    html_header(&h, saved_at);
    html_flags(&h); /* first: the therapist must see these before anything */
    put(&h, "<div class=\"main\">\n");
    html_charts(&h);
    put(&h, "<div class=\"side\">\n");
    html_screening(&h);
    html_patterns(&h);
    html_preferences(&h);
    html_consent(&h);
    put(&h, "</div>\n</div>\n");
    html_regions(&h); /* full width: one line per mark, numbered as on the charts */
    put(&h, "</body>\n</html>\n");
    if (b.oom || !b.data) {
        summary_buf_free(&b);
        return PM_ERR_NOMEM;
    }
    *out = b.data;
    return PM_OK;
}
