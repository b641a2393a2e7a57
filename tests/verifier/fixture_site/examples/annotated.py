print("one")  # (1)!
print("two")  # (2)!
