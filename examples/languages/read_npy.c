/* read_npy.c: read a 2-D float64 array written by numpy.save(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.npy\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror("fopen");
        return 1;
    }
    unsigned char pre[10]; /* magic (6), version (2), header length (2) */
    if (fread(pre, 1, 10, f) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0
        || pre[6] != 1) {
        fprintf(stderr, "not a version 1.x .npy file\n");
        return 1;
    }
    unsigned hlen = pre[8] | (unsigned)pre[9] << 8; /* little-endian */
    char header[65536];
    if (fread(header, 1, hlen, f) != hlen) {
        fprintf(stderr, "short header\n");
        return 1;
    }
    header[hlen] = '\0';
    printf("C: version %d.%d, data starts at byte %u\n", pre[6], pre[7],
           10 + hlen);
    long rows, cols;
    char *shape = strstr(header, "'shape': (");
    if (strstr(header, "'descr': '<f8'") == NULL
        || strstr(header, "'fortran_order': False") == NULL || shape == NULL
        || sscanf(shape, "'shape': (%ld, %ld)", &rows, &cols) != 2) {
        fprintf(stderr, "expected a C-ordered 2-D '<f8' array: %s\n", header);
        return 1;
    }
    printf("C: shape %ld x %ld\n", rows, cols);
    for (long r = 0; r < rows; r++) {
        double sum = 0, x;
        for (long c = 0; c < cols; c++) {
            if (fread(&x, sizeof x, 1, f) != 1) {
                fprintf(stderr, "short data\n");
                return 1;
            }
            sum += x;
        }
        printf("C: row %ld sum %.1f\n", r, sum);
    }
    fclose(f);
    return 0;
}
