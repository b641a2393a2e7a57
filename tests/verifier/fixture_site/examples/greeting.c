/* greeting.c: a companion file, written next to the program for each run */
int main(void) { return 0; }
