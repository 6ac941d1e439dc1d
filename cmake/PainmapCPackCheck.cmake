# PainmapCPackCheck.cmake — read by cpack before it packs (CPACK_PROJECT_CONFIG_FILE).
# A .deb installs under /usr: its unit runs /usr/bin/painmap, and Debian
# keeps /usr/local for the machine's own administrator. The prefix is the
# build's own (the kiosk's fallback data path is compiled from it), so it
# cannot be changed here, only checked.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR
    "painmap: a .deb must be built from a tree configured with -DCMAKE_INSTALL_PREFIX=/usr "
    "(this one has ${CPACK_PACKAGING_INSTALL_PREFIX}): "
    "cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF")
endif()
