/* paths.h — where the kiosk finds its content and artwork when no --data or
 * --assets is given, without any path of the machine it was built on.
 *
 * A binary must not carry its source or build folder: a package built on
 * one machine runs on another, and a path baked in would point at nothing
 * (or at someone else's files). So the folders are found from where the
 * executable itself is (/proc/self/exe), the first that exists of:
 *
 *   EXE_DIR/share/painmap/SUB   a build folder: CMake links these two to the
 *                               source tree there (never installed)
 *   EXE_DIR/REL/SUB             installed under any prefix; REL is the way
 *                               from the program's folder to its data folder
 *                               ("../share/painmap" for bin/ and share/)
 *   INSTALLED                   the configured install folder, also when the
 *                               binary was copied elsewhere; returned even
 *                               when missing, so the error names it
 *
 * SUB is "data" or "assets". Platform glue, not core: it reads the file
 * system. No state. */
#ifndef PM_PATHS_H
#define PM_PATHS_H

#include <stddef.h>

/* The folder of the running executable into buf ("" when /proc is not
 * there, and then only INSTALLED is tried). */
void paths_exe_dir(char *buf, size_t size);

/* Chooses the folder as above for the executable in exe_dir (may be ""),
 * writing it into buf; returns buf. */
const char *paths_default_dir(const char *exe_dir, const char *sub, const char *rel,
                              const char *installed, char *buf, size_t size);

#endif
