/* fuzz_intake.c — a saved intake read back (summary_parse_json), as staff
 * mode, the queue and start-up's page repair read every record: a file on
 * the card may be damaged or hand-edited. Against the shipped content.
 * Whatever parses must render again (JSON, HTML, FHIR) and read back the
 * same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir.h"
#include "fuzz_util.h"
#include "summary.h"

static pm_content *content;
static char *questionnaire;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[1024];
    pm_msgs problems;
    pm_msgs_init(&problems);
    snprintf(dir, sizeof dir, "%s/data", fz_source_dir());
    if (content_load(dir, &content, &problems) != PM_OK)
        abort();
    pm_msgs_free(&problems);
    if (fhir_render_questionnaire(content, 0, &questionnaire) != PM_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_cstr(data, size);
    static intake in, again;
    int64_t at = 0;
    pm_msg err = {{0}};
    if (summary_parse_json(content, text, &in, &at, &err) == PM_OK) {
        char *json = NULL, *html = NULL, *fhir = NULL;
        if (summary_render_json(content, &in, at, &json) == PM_OK) {
            int64_t at2 = 0;
            if (summary_parse_json(content, json, &again, &at2, &err) != PM_OK || at2 != at ||
                again.nmarks != in.nmarks || again.nsig != in.nsig ||
                strcmp(again.name, in.name) != 0)
                abort(); /* what we write we must read back the same */
        }
        summary_render_html(content, &in, at, 0, &html);
        if (fhir_render_response(content, &in, at, "20261125-120000-00", 0, &fhir) == PM_OK) {
            pm_msgs problems;
            pm_msgs_init(&problems);
            size_t n = fhir_check(questionnaire, fhir, &problems);
            for (size_t i = 0; i < problems.count; i++)
                fprintf(stderr, "fuzz_intake: FHIR: %s\n", problems.items[i]);
            pm_msgs_free(&problems);
            if (n)
                abort(); /* the response we made does not answer our questionnaire */
        }
        intake_worst_flag(&in, content);
        free(json);
        free(html);
        free(fhir);
    }
    free(text);
    return 0;
}
