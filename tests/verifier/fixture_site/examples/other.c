/* other.c: a file in examples/ that the page does not show */
