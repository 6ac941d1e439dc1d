# The USB export's system pieces (systemd/90-painmap-usb.rules and
# systemd/painmap.service.d/50-usb-export.conf) keep their guards and agree
# with the kiosk's default mount point (kiosk/core/records/export.h).
add_test(NAME usb_mount_rule
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-usb.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(usb_mount_rule PROPERTIES TIMEOUT 60)
