import os
import sys

import pytest

if __name__ == "__main__":
    os.environ["COLUMNS"] = "80"  # (1)!
    args = ["-q", "--tb=no", "--color=no", "-p", "no:cacheprovider"]  # (2)!
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    args += ["-p", "pytest_timeout"]
    sys.exit(pytest.main(args))  # (3)!
