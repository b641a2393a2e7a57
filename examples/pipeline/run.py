import sys

import pipeline

if __name__ == "__main__":
    sys.exit(pipeline.run())  # (1)!
