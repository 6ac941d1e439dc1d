# PainmapInstall.cmake — where `cmake --install` puts the kiosk, how the
# program finds its data there, and the Debian package `cpack -G DEB` makes
# of it (README.md, "Building the package"). Included by the top-level
# CMakeLists.txt once the painmap target exists.
#
#   PREFIX/bin/painmap
#   PREFIX/share/painmap/{data,assets,README.md}
#   PREFIX/lib/systemd/system/painmap.service (+ painmap.service.d/)
#   PREFIX/lib/udev/rules.d/90-painmap-usb.rules
#
# With PREFIX=/usr (what the package needs) these are the paths systemd and
# udev read on Debian 12 and 13 alike (on 12 /lib is /usr/lib).

# --- where the program finds its data --------------------------------------------
# No path of this machine goes into the binary (kiosk/platform/paths.h): it
# finds data/ and assets/ from its own place, installed (../share/painmap
# from bin/) or in this build folder, where these links stand in for the
# installed copies. The configured install folders are its last resort.
file(RELATIVE_PATH PAINMAP_DATA_RELATIVE ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/painmap)
target_compile_definitions(painmap PRIVATE
  PAINMAP_DATA_RELATIVE="${PAINMAP_DATA_RELATIVE}"
  PAINMAP_INSTALL_DATA="${CMAKE_INSTALL_FULL_DATADIR}/painmap/data"
  PAINMAP_INSTALL_ASSETS="${CMAKE_INSTALL_FULL_DATADIR}/painmap/assets")
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/share/painmap)
foreach(sub data assets)
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${sub} ${CMAKE_CURRENT_BINARY_DIR}/share/painmap/${sub}
       SYMBOLIC)
endforeach()

# --- what goes where -------------------------------------------------------------
set(PAINMAP_INSTALL_UNITDIR "lib/systemd/system" CACHE STRING
    "where systemd units go, relative to CMAKE_INSTALL_PREFIX")
set(PAINMAP_INSTALL_UDEVDIR "lib/udev/rules.d" CACHE STRING
    "where udev rules go, relative to CMAKE_INSTALL_PREFIX")

install(TARGETS painmap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The lean SDL2 and SDL2_image (scripts/lean-sdl) go with the program, in a
# folder of its own that only its RUNPATH names: nothing else on the system
# loads them, and Debian's SDL2 stays what every other program gets.
if(PAINMAP_SDL_PREFIX)
  set(PAINMAP_INSTALL_SDLDIR "lib/painmap/sdl")
  set_target_properties(painmap PROPERTIES
    INSTALL_RPATH "${CMAKE_INSTALL_PREFIX}/${PAINMAP_INSTALL_SDLDIR}")
  foreach(lib libSDL2-2.0.so.0 libSDL2_image-2.0.so.0)
    file(REAL_PATH "${PAINMAP_SDL_PREFIX}/lib/${lib}" real)
    install(FILES "${real}" DESTINATION ${PAINMAP_INSTALL_SDLDIR} RENAME ${lib})
  endforeach()
endif()
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/painmap/data)
install(DIRECTORY assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/painmap/assets)
# painmap.service names it (Documentation=).
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/painmap)

# systemd/: units and drop-in folders to the unit folder, udev rules to the
# rules folder. The files name /usr/bin/painmap and /usr/share/painmap;
# another prefix gets copies with its own paths.
file(GLOB PAINMAP_SYSTEMD_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/systemd/*
     ${CMAKE_CURRENT_SOURCE_DIR}/systemd/*.d/*)
foreach(f ${PAINMAP_SYSTEMD_FILES})
  if(IS_DIRECTORY ${f} OR f MATCHES "README")
    continue()
  endif()
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR}/systemd ${f})
  get_filename_component(reldir ${rel} DIRECTORY)
  if(f MATCHES "[.]rules$")
    set(dest ${PAINMAP_INSTALL_UDEVDIR}/${reldir})
  elseif(f MATCHES "[.](service|socket|timer|path|mount|automount|target|conf)$")
    set(dest ${PAINMAP_INSTALL_UNITDIR}/${reldir})
  else()
    message(FATAL_ERROR "systemd/${rel}: not a unit, drop-in or udev rule; "
                        "say where it installs in cmake/PainmapInstall.cmake")
  endif()
  file(READ ${f} text)
  string(REPLACE "/usr/bin/painmap" "${CMAKE_INSTALL_FULL_BINDIR}/painmap" text "${text}")
  string(REPLACE "/usr/share/painmap/" "${CMAKE_INSTALL_FULL_DATADIR}/painmap/" text "${text}")
  file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/install/systemd/${rel} CONTENT "${text}")
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/install/systemd/${rel} DESTINATION ${dest})
endforeach()

# --- the Debian package --------------------------------------------------------
# painmap_<version>_<arch>.deb, for Debian 12 (bookworm) and 13 (trixie),
# amd64 or arm64 (the SD image). tests/package checks it installs with apt
# into clean chroots of both and runs `painmap --check-data` there.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME painmap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touchscreen intake kiosk for massage clinics")
set(CPACK_PACKAGE_DESCRIPTION "\
Clients tap a body chart where it hurts, answer safety questions and pick the
referral pattern that looks like their pain. The therapist gets a one-page
summary with any safety flags on top. Runs fullscreen on a DRM/KMS display
as painmap.service (not enabled on install).")
set(PAINMAP_PACKAGE_MAINTAINER "Painmap maintainers <painmap@localhost>" CACHE STRING
    "the Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${PAINMAP_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # painmap_0.1.0_amd64.deb
# cpack asks the host's dpkg for the architecture, which is wrong when
# cross-compiling (the SD image's arm64 kiosk, built on amd64).
if(CMAKE_CROSSCOMPILING)
  set(pm_dpkg_arch_aarch64 arm64)
  set(pm_dpkg_arch_arm64 arm64)
  set(pm_dpkg_arch_x86_64 amd64)
  set(pm_dpkg_arch_armv7l armhf)
  set(pm_dpkg_arch_i686 i386)
  if(NOT DEFINED pm_dpkg_arch_${CMAKE_SYSTEM_PROCESSOR})
    message(FATAL_ERROR "cmake/PainmapInstall.cmake: no Debian architecture known for "
                        "CMAKE_SYSTEM_PROCESSOR ${CMAKE_SYSTEM_PROCESSOR}; add it there")
  endif()
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${pm_dpkg_arch_${CMAKE_SYSTEM_PROCESSOR}})
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON) # no debug info, so no build paths either
# Named, not computed by dpkg-shlibdeps: the list must hold on Debian 12 and
# 13 (the same names on both: none of these took a t64 name).
# tests/package/check-deb fails when dpkg-shlibdeps asks for a package or
# version this list does not (the versions are what it says on Debian 12).
# A build for one known system may name its own list instead
# (PAINMAP_DEB_LIB_DEPENDS): the SD image's arm64 build sets it to what
# dpkg-shlibdeps finds against the image's own libraries and dpkg database
# (image-build/build.sh, stage 2), which the host's dpkg-shlibdeps alone
# cannot see. passwd: useradd in postinst.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.35), libcjson1 (>= 1.7.13), libcrypt1 (>= 1:4.1.0), libinih1 (>= 40), "
    "libsdl2-2.0-0 (>= 2.0.22), libsdl2-image-2.0-0 (>= 2.6.0), libsdl2-ttf-2.0-0 (>= 2.0.18), "
    "libsodium23 (>= 1.0.18)")
if(PAINMAP_DEB_LIB_DEPENDS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${PAINMAP_DEB_LIB_DEPENDS}")
endif()
list(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", fonts-dejavu-core, passwd")
string(JOIN "" CPACK_DEBIAN_PACKAGE_DEPENDS ${CPACK_DEBIAN_PACKAGE_DEPENDS})
# What SDL's KMSDRM driver loads at run time to draw on the panel (the SD
# image installs these by name too); --check-data and the headless modes
# need none of them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgbm1, libegl1, libegl-mesa0, libgles2, libgl1-mesa-dri, libdrm2")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_SOURCE_DIR}/cmake/deb/postinst
    ${CMAKE_CURRENT_SOURCE_DIR}/cmake/deb/prerm
    ${CMAKE_CURRENT_SOURCE_DIR}/cmake/deb/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Checked when cpack runs (a packager may configure with the default
# /usr/local): a .deb must install under /usr.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/PainmapCPackCheck.cmake)
include(CPack)
