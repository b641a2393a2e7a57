import warnings

print("result: 42")
warnings.warn("this API is deprecated", DeprecationWarning, stacklevel=1)
