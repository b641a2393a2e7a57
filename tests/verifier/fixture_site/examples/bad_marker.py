print("marker without the bang")  # (1)
