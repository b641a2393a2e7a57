print("one object:", object())
print("this file:", __file__)
print("done")
