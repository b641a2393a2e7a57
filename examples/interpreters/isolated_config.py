import _interpreters  # (1)!

if __name__ == "__main__":
    config = _interpreters.new_config("isolated")  # (2)!
    for name, value in vars(config).items():
        print(f"{name:29} {value}")
