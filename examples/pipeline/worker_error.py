import sys

import pipeline


def make_frame(item):  # (1)!
    if item == 13:
        raise ValueError(f"item {item} is corrupt")
    return pipeline.make_frame(item)


if __name__ == "__main__":
    sys.exit(pipeline.run(make_frame=make_frame))
