from concurrent.futures import InterpreterPoolExecutor, ProcessPoolExecutor

if __name__ == "__main__":
    factor = 3
    tasks = {
        "lambda": lambda x: x + 1,  # (1)!
        "closure": lambda x: x * factor,  # (2)!
    }
    for executor_class in (ProcessPoolExecutor, InterpreterPoolExecutor):
        print(executor_class.__name__)
        with executor_class(max_workers=1) as executor:
            for name, task in tasks.items():
                try:
                    result = executor.submit(task, 5).result()
                except Exception as exc:  # (3)!
                    result = type(exc).__name__
                print(f"  {name}: {result}")
