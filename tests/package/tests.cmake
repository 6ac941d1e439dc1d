# The Debian package (cmake/PainmapInstall.cmake), label `package` only: not
# in the quick or full tiers, since the first run needs the Debian mirror
# and root. Run it with `scripts/test --package`, or in a build folder:
#   ctest -L package --output-on-failure
#
#   package_build            a Release tree for /usr in BUILD/package/build
#                            (no tests), and `cpack -G DEB` there
#   package_contents         file name, layout, no build paths (`strings`),
#                            Depends against dpkg-shlibdeps
#   package_install_trixie   apt install into a clean Debian 13 chroot, then
#   package_install_bookworm   --check-data, --demo and purge (and Debian 12)
#
# The chroots' bare systems and the .debs apt fetched are kept in
# PAINMAP_PACKAGE_CACHE, so a rerun takes 1-3 minutes per suite and needs
# no network (tests/package/install-deb).
if(PAINMAP_SANITIZE)
  return() # a package is never built with the sanitizers (which name every source file)
endif()

# The same check on this build's own program, in the quick tier: a path
# compiled in shows here long before anyone packages.
add_test(NAME painmap_no_build_paths
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/no-build-paths $<TARGET_FILE:painmap>
                 ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR})
set_tests_properties(painmap_no_build_paths PROPERTIES TIMEOUT 60)
# Outside the build folder, so a fresh clone (CI) on the same machine finds it.
set(PAINMAP_PACKAGE_CACHE /var/cache/painmap-tests CACHE PATH
    "where tests/package keeps its chroot tarballs and fetched .debs")
set(PAINMAP_PACKAGE_MIRROR "http://deb.debian.org/debian" CACHE STRING
    "the Debian mirror tests/package bootstraps its chroots from")

set(pm_pkg ${CMAKE_BINARY_DIR}/package)
add_test(NAME package_build
         COMMAND sh -c "mkdir -p '${pm_pkg}' && rm -f '${pm_pkg}/build/'painmap_*.deb && \
${CMAKE_COMMAND} -S '${CMAKE_SOURCE_DIR}' -B '${pm_pkg}/build' -DCMAKE_BUILD_TYPE=Release \
-DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF -DPAINMAP_WERROR=${PAINMAP_WERROR} \
-DCMAKE_C_COMPILER='${CMAKE_C_COMPILER}' >'${pm_pkg}/configure.log' 2>&1 \
|| { cat '${pm_pkg}/configure.log'; exit 1; }; \
${CMAKE_COMMAND} --build '${pm_pkg}/build' -j2 && cd '${pm_pkg}/build' && cpack -G DEB \
&& ls -l '${pm_pkg}/build/'painmap_*.deb")
set_tests_properties(package_build PROPERTIES FIXTURES_SETUP painmap_deb TIMEOUT 900)

# The one .deb package_build made, whatever its version and architecture.
set(pm_deb_glob "$(ls '${pm_pkg}/build/'painmap_*.deb)")
add_test(NAME package_contents
         COMMAND sh -c "sh '${CMAKE_CURRENT_LIST_DIR}/check-deb' ${pm_deb_glob} \
'${CMAKE_SOURCE_DIR}' '${CMAKE_BINARY_DIR}'")
set_tests_properties(package_contents PROPERTIES FIXTURES_REQUIRED painmap_deb TIMEOUT 120)
foreach(suite trixie bookworm)
  add_test(NAME package_install_${suite}
           COMMAND sh -c "sh '${CMAKE_CURRENT_LIST_DIR}/install-deb' ${pm_deb_glob} ${suite} \
'${PAINMAP_PACKAGE_CACHE}' '${pm_pkg}/${suite}' '${PAINMAP_PACKAGE_MIRROR}'")
  # Both chroots fetch into and unpack from the same cache: one at a time.
  set_tests_properties(package_install_${suite} PROPERTIES FIXTURES_REQUIRED painmap_deb
                       RESOURCE_LOCK painmap_package_cache SKIP_RETURN_CODE 77 TIMEOUT 1200)
endforeach()
set_tests_properties(package_build package_contents package_install_trixie
                     package_install_bookworm PROPERTIES LABELS package)
