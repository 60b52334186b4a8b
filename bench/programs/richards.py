"""A Richards-style operating-system simulation.

A scheduler runs four kinds of tasks -- an idle task, a worker, two handlers
and two devices -- that pass work packets to each other. Each task kind is a
subclass of Task with its own `run` method; the scheduler picks the highest
priority runnable task, so the benchmark is dominated by method dispatch,
attribute access and linked-list manipulation.
"""

import sys

DEFAULT_SCALE = 120

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE = 0
KIND_WORK = 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Put this packet at the end of the list `queue`; return the new head."""
        self.link = None
        if queue is None:
            return self
        node = queue
        while node.link is not None:
            node = node.link
        node.link = self
        return queue


class Task:
    """A task control block: priority, input queue and the state bits.

    A task is runnable unless it is held, and unless it waits for a packet
    that has not arrived. A waiting task that has a packet runs with it;
    a task that is not waiting runs with no packet.
    """

    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = True
        self.held = False
        self.next = None

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        if self.waiting and self.queue is not None:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            return packet
        return None

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, seed, count):
        Task.__init__(self, scheduler, ident, priority, None)
        self.waiting = False
        self.seed = seed
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.scheduler.release(DEVICE_B)
        self.seed >>= 1
        return self.scheduler.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.dest = self.destination
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            if work.count < DATA_SIZE:
                device = self.device_in
                if device is not None:
                    self.device_in = device.link
                    device.count = work.data[work.count]
                    work.count += 1
                    return self.scheduler.send(device)
            else:
                self.work_in = work.link
                return self.scheduler.send(work)
        return self.scheduler.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.pending = None

    def run(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.scheduler.wait_current()
            self.pending = None
            return self.scheduler.send(pending)
        self.pending = packet
        self.scheduler.checksum = (self.scheduler.checksum * 31 + packet.count) % 1000003
        return self.scheduler.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.head = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.checksum = 0

    def add(self, task):
        """Insert a task into the list kept in decreasing priority order."""
        self.tasks[task.ident] = task
        if self.head is None or task.priority > self.head.priority:
            task.next = self.head
            self.head = task
            return
        node = self.head
        while node.next is not None and node.next.priority >= task.priority:
            node = node.next
        task.next = node.next
        node.next = task

    def run(self):
        task = self.head
        while task is not None:
            if task.runnable():
                self.current = task
                task = task.run(task.take_packet())
            else:
                task = task.next

    def hold_current(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        """Queue `packet` on the task it names; it then names the sender."""
        target = self.tasks[packet.dest]
        self.queue_count += 1
        packet.dest = self.current.ident
        packet.link = None
        target.queue = packet.append_to(target.queue)
        if target.priority > self.current.priority:
            return target
        return self.current


def build(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, 1, count))
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, work))
    for ident, priority in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        queue = Packet(None, DEVICE_A if ident == HANDLER_A else DEVICE_B, KIND_DEVICE)
        queue = Packet(queue, queue.dest, KIND_DEVICE)
        queue = Packet(queue, queue.dest, KIND_DEVICE)
        s.add(HandlerTask(s, ident, priority, queue))
    s.add(DeviceTask(s, DEVICE_A, 4000, None))
    s.add(DeviceTask(s, DEVICE_B, 5000, None))
    return s


def main(rounds):
    total_queue = total_hold = 0
    checksum = 0
    for r in range(rounds):
        s = build(1000 + r)
        s.run()
        total_queue += s.queue_count
        total_hold += s.hold_count
        checksum = (checksum + s.checksum) % 1000003
    print("rounds: %d" % rounds)
    print("queue count: %d" % total_queue)
    print("hold count: %d" % total_hold)
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
