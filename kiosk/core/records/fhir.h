/* fhir.h — the intake as FHIR R4, so a health-record system can import it:
 * a Questionnaire generated from the content, and one QuestionnaireResponse
 * per intake that answers it, plus a structural check of both.
 *
 * The Questionnaire (canonical FHIR_QUESTIONNAIRE_URL, version from the
 * content's ids so it changes exactly when they do):
 *   name              string     what the client typed
 *   regions           group, repeats: one per marked region
 *     regions.region      choice (required)  region codes, anatomical terms
 *     regions.intensity   integer 0-10
 *     regions.qualities   choice, repeats    quality codes
 *     regions.duration    choice             duration codes
 *   patterns          choice, repeats        muscle codes (referral patterns chosen)
 *   patterns.none     boolean                "none of these pictures"
 *   screening         group
 *     screening.<question id>  choice        answer codes; answerOption
 *                                            carries a flag extension
 *                                            (attention / urgent)
 *   pressure          choice
 *   avoid             choice, repeats
 *   consent           boolean
 *   signature         attachment             the signature as SVG
 * Codes are the content's stable ids, in code systems under FHIR_BASE.
 *
 * The response: status "completed", questionnaire "URL|version", authored
 * (the save time, UTC), identifier and id = the intake's stem, language =
 * the client's language, subject.display = the client's name (there is no
 * Patient resource on a kiosk), only answered items, in Questionnaire
 * order. Texts (item text, answer displays) are in language lang (a content
 * language index), falling back to English.
 *
 * Ownership: rendered documents are malloc'd NUL-terminated strings the
 * caller frees. Errors: PM_ERR_NOMEM; PM_ERR_INVALID when the intake names
 * something outside the content (a bug elsewhere). */
#ifndef PM_FHIR_H
#define PM_FHIR_H

#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "intake.h"
#include "status.h"

#define FHIR_BASE "http://painmap.local/fhir"
#define FHIR_QUESTIONNAIRE_ID "painmap-intake"
#define FHIR_QUESTIONNAIRE_URL FHIR_BASE "/Questionnaire/" FHIR_QUESTIONNAIRE_ID
#define FHIR_FLAG_EXTENSION FHIR_BASE "/StructureDefinition/flag"
#define FHIR_VERSION_MAX 16

/* "c" and 8 hex digits: a hash of every linkId and code the content gives. */
void fhir_questionnaire_version(const pm_content *c, char out[FHIR_VERSION_MAX]);

pm_status fhir_render_questionnaire(const pm_content *c, int lang, char **out);

/* stem: the intake's stored name (the response's id and identifier). The
 * response is in the client's language (its "language" and every display
 * text); lang (the staff language) is used only when the content has no
 * texts in the client's language, and "language" then names it. */
pm_status fhir_render_response(const pm_content *c, const intake *in, int64_t saved_at,
                               const char *stem, int lang, char **out);

/* Checks a Questionnaire, and (when response is not NULL) a
 * QuestionnaireResponse against it, by the R4 structure rules: required
 * fields and their types, status codes, unique linkIds, group/answer
 * nesting, every response linkId at the same place in the Questionnaire,
 * answer types compatible with item types, codes among the answerOptions,
 * min/max values, single answers for non-repeating items, item order,
 * required items present, the canonical URL matching. Appends one message
 * per problem ("QuestionnaireResponse: item[2].item[0] (regions.region):
 * code 'knee_x' is not an answerOption") and returns how many. */
size_t fhir_check(const char *questionnaire, const char *response, pm_msgs *problems);

#endif
