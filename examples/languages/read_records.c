/* read_records.c: read records packed by Python's struct.Struct("<idI"). */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RECORD_SIZE 16 /* 4 + 8 + 4 bytes, no padding */

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror("fopen");
        return 1;
    }
    unsigned char rec[RECORD_SIZE];
    while (fread(rec, RECORD_SIZE, 1, f) == 1) {
        int32_t id;
        double value;
        uint32_t count;
        /* memcpy from the byte offsets: no alignment is assumed. The bytes
           are little-endian, like the x86-64 and arm64 CPUs this runs on. */
        memcpy(&id, rec + 0, 4);
        memcpy(&value, rec + 4, 8);
        memcpy(&count, rec + 12, 4);
        printf("C: id=%" PRId32 " value=%.2f count=%" PRIu32 "\n", id, value,
               count);
    }
    fclose(f);
    return 0;
}
