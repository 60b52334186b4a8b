# a cooperative scheduler built on generators and coroutines, with a message queue
class Sleep:
    def __init__(self, ticks): self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
class Recv:
    def __init__(self, box): self.box = box
    def __await__(self):
        while not self.box:
            yield ("wait", None)
        return self.box.pop(0)
class Scheduler:
    def __init__(self):
        self.tasks = []
        self.time = 0
        self.log = []
    def spawn(self, name, coro):
        self.tasks.append([name, coro, 0, None])
    def run(self):
        while self.tasks:
            self.time += 1
            for task in list(self.tasks):
                name, coro, wake, send = task
                if wake > self.time:
                    continue
                try:
                    req = coro.send(send)
                except StopIteration as e:
                    self.log.append((self.time, name, "done", e.value))
                    self.tasks.remove(task)
                    continue
                task[3] = None
                if req[0] == "sleep":
                    task[2] = self.time + req[1]
        return self.log
mailbox = []
async def producer(n):
    for i in range(n):
        await Sleep(2)
        mailbox.append(f"msg{i}")
    return "produced"
async def consumer(n):
    got = []
    for _ in range(n):
        got.append(await Recv(mailbox))
    return got
async def ticker():
    total = 0
    for i in range(3):
        await Sleep(1)
        total += i
    return total
s = Scheduler()
s.spawn("producer", producer(3))
s.spawn("consumer", consumer(3))
s.spawn("ticker", ticker())
for entry in s.run():
    print(entry)
print("final time", s.time)
def state_machine():
    state = "idle"
    while True:
        event = yield state
        if state == "idle" and event == "start":
            state = "running"
        elif state == "running" and event == "pause":
            state = "paused"
        elif state == "paused" and event == "resume":
            state = "running"
        elif event == "stop":
            return f"stopped from {state}"
m = state_machine()
print(next(m), [m.send(e) for e in ["start", "pause", "bogus", "resume"]])
try:
    m.send("stop")
except StopIteration as e:
    print(e.value)
def pipeline():
    def numbers():
        for i in range(10):
            yield i
    def evens(src):
        for x in src:
            if x % 2 == 0:
                yield x
    def squared(src):
        for x in src:
            yield x * x
    def running_total(src):
        t = 0
        for x in src:
            t += x
            yield t
    return list(running_total(squared(evens(numbers()))))
print(pipeline())
def coroutine_averager():
    total = n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return (n, avg)
        total += x; n += 1; avg = total / n
av = coroutine_averager(); next(av)
print([av.send(v) for v in [10, 20, 60]])
try:
    av.send(None)
except StopIteration as e:
    print("result", e.value)
