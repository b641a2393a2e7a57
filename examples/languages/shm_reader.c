/* shm_reader.c: open a block made by Python's SharedMemory, by its name. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s /name\n", argv[0]);
        return 2;
    }
    int fd = shm_open(argv[1], O_RDWR, 0); /* no O_CREAT: must exist */
    if (fd == -1) {
        perror("shm_open");
        return 1;
    }
    struct stat st;
    if (fstat(fd, &st) == -1) {
        perror("fstat");
        return 1;
    }
    char *p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
                   MAP_SHARED, fd, 0);
    close(fd); /* the mapping stays valid without the descriptor */
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    printf("C: size %lld, text \"%s\"\n", (long long)st.st_size, p);
    const char reply[] = "hello from C";
    memcpy(p + 32, reply, sizeof reply); /* includes the final '\0' */
    munmap(p, (size_t)st.st_size);
    printf("done\n");
    return 0;
}
