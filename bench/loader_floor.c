/* loader_floor.c — does nothing, linked to the same shared libraries as the
 * kiosk (bench/CMakeLists.txt: the same NEEDED list, which ldd turns into
 * the same ~74 objects). exec -> exit of it is what the dynamic loader and
 * the kernel cost before the kiosk's own first instruction: the floor under
 * the start-up figure (bench/run, bench/README.md). */
int main(void)
{
    return 0;
}
