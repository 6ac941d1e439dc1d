/* fuzz_config.c — the clinic's configuration file (config_parse_string):
 * edited by hand on any computer, so any bytes at all. The parse must give
 * a complete config (every value in range) and messages, never a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz_util.h"

static pm_content *content;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char dir[1024];
    pm_msgs problems;
    pm_msgs_init(&problems);
    snprintf(dir, sizeof dir, "%s/tests/data-mini", fz_source_dir());
    if (content_load(dir, &content, &problems) != PM_OK)
        abort();
    pm_msgs_free(&problems);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fz_cstr(data, size);
    pm_config cfg;
    pm_msgs msgs;
    pm_msgs_init(&msgs);
    config_parse_string(text, "painmap.conf", &cfg, &msgs);
    /* the promises a parsed config keeps, whatever the input */
    if (cfg.rotation != 0 && cfg.rotation != 90 && cfg.rotation != 180 && cfg.rotation != 270)
        abort();
    if (cfg.idle_timeout_s < CONFIG_IDLE_MIN || cfg.idle_timeout_s > CONFIG_IDLE_MAX)
        abort();
    if (cfg.export_formats == 0 || (cfg.export_formats & ~CONFIG_EXPORT_ALL))
        abort();
    if (memchr(cfg.clinic_name, 0, sizeof cfg.clinic_name) == NULL)
        abort();
    config_check_languages(&cfg, content, &msgs);
    flow_timing t = config_flow_timing(&cfg);
    (void)t;
    config_staff_enabled(&cfg);
    char buf[2048];
    config_describe(&cfg, buf, sizeof buf);
    pm_msgs_free(&msgs);
    free(text);
    return 0;
}
