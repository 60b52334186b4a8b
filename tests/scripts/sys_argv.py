# sys.argv and sys basics; run with the arguments in sys_argv.args.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0], sys.argv[1:])
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
total = 0
for a in sys.argv[1:]:
    if a.isdigit():
        total += int(a)
print("sum of numeric args:", total)
