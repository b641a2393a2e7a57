/* double_npy.c: map a 1-D int32 .npy file and double every element. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.npy\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDWR);
    struct stat st;
    if (fd == -1 || fstat(fd, &st) == -1) {
        perror(argv[1]);
        return 1;
    }
    size_t size = (size_t)st.st_size;
    unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED,
                            fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (size < 10 || memcmp(p, "\x93NUMPY\x01", 7) != 0) {
        fprintf(stderr, "not a version 1.x .npy file\n");
        return 1;
    }
    size_t hlen = p[8] | (size_t)p[9] << 8;
    size_t start = 10 + hlen;
    if (start > size) {
        fprintf(stderr, "short file\n");
        return 1;
    }
    char header[65536]; /* a C string, so strstr() stops at its end */
    memcpy(header, p + 10, hlen);
    header[hlen] = '\0';
    if (strstr(header, "'descr': '<i4'") == NULL) {
        fprintf(stderr, "expected '<i4' elements\n");
        return 1;
    }
    size_t n = (size - start) / sizeof(int32_t);
    int32_t *data = (int32_t *)(p + start); /* numpy aligns it to 64 */
    for (size_t i = 0; i < n; i++)
        data[i] *= 2;
    printf("C: doubled %zu elements in place\n", n);
    munmap(p, size); /* MAP_SHARED: the writes go to the file */
    return 0;
}
