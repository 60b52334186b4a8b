print("loading modimp_err")
partial = 1
raise ValueError("boom in module")
