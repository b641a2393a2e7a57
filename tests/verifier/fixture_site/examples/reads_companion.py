from pathlib import Path

if __name__ == "__main__":
    source = Path(__file__).with_name("greeting.c").read_text()
    print(source.splitlines()[0])
