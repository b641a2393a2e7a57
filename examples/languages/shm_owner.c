/* shm_owner.c: create a shared memory block, wait, then unlink it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SIZE 16

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s /name\n", argv[0]);
        return 2;
    }
    int fd = shm_open(argv[1], O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd == -1) {
        perror("shm_open");
        return 1;
    }
    if (ftruncate(fd, SIZE) == -1) {
        perror("ftruncate");
        return 1;
    }
    char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    strcpy(p, "made in C");
    printf("C: created\n");
    fflush(stdout); /* stdout is a pipe: flush, or Python waits for ever */

    char line[16];
    while (fgets(line, sizeof line, stdin) != NULL) /* until "quit" or EOF */
        if (strcmp(line, "quit\n") == 0)
            break;
    munmap(p, SIZE);
    if (shm_unlink(argv[1]) == 0)
        printf("C: unlinked\n");
    else if (errno == ENOENT)
        printf("C: nothing to unlink, the block is gone\n");
    else
        perror("shm_unlink");
    return 0;
}
