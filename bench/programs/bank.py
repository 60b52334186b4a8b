"""A bank simulation: account classes with inheritance, custom exception
hierarchies, try/except/else/finally, and a transaction log.

Accounts are plain classes (Account, SavingsAccount with interest and a
withdrawal limit, CheckingAccount with an overdraft, FrozenAccount that
refuses everything). A deterministic stream of SCALE thousand transactions
(deposits, withdrawals, transfers, interest, freezes) is applied; failures
raise BankError subclasses that are caught, counted and logged. Money is in
integer cents. Prints totals, error counts, and that money was conserved.
"""

import sys

DEFAULT_SCALE = 400


class BankError(Exception):
    code = "bank"


class InsufficientFunds(BankError):
    code = "funds"

    def __init__(self, account, amount):
        BankError.__init__(self, "account %s cannot pay %d" % (account.number, amount))
        self.account = account
        self.amount = amount


class LimitExceeded(BankError):
    code = "limit"


class AccountFrozen(BankError):
    code = "frozen"


class UnknownAccount(BankError, KeyError):
    code = "unknown"


class Account:
    kind = "basic"

    def __init__(self, number, owner, balance=0):
        self.number = number
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history += 1

    def available(self):
        return self.balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history += 1

    def month_end(self):
        return 0

    def __repr__(self):
        return "<%s %s %s %d>" % (type(self).__name__, self.number, self.owner, self.balance)


class SavingsAccount(Account):
    kind = "savings"

    def __init__(self, number, owner, balance=0, rate_per_mille=3, max_withdrawals=4):
        Account.__init__(self, number, owner, balance)
        self.rate = rate_per_mille
        self.max_withdrawals = max_withdrawals
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= self.max_withdrawals:
            raise LimitExceeded("savings %s: too many withdrawals" % self.number)
        Account.withdraw(self, amount)
        self.withdrawals += 1

    def month_end(self):
        interest = self.balance * self.rate // 1000
        self.balance += interest
        self.withdrawals = 0
        return interest


class CheckingAccount(Account):
    kind = "checking"

    def __init__(self, number, owner, balance=0, overdraft=50000):
        super().__init__(number, owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            fee = -max(500, -self.balance // 100)
            self.balance += fee
            return fee
        return 0


class FrozenAccount(Account):
    kind = "frozen"

    def deposit(self, amount):
        raise AccountFrozen("account %s is frozen" % self.number)

    withdraw = deposit


class Bank:
    def __init__(self):
        self.accounts = {}
        self.errors = {}
        self.log = []
        self.minted = 0  # interest and fees: money created or destroyed

    def open(self, account):
        self.accounts[account.number] = account
        return account

    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None

    def transfer(self, src, dst, amount):
        a = self.get(src)
        b = self.get(dst)
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a.balance += amount  # roll back
            raise

    def freeze(self, number):
        old = self.get(number)
        frozen = FrozenAccount(old.number, old.owner, old.balance)
        self.accounts[number] = frozen
        return old

    def thaw(self, number):
        acc = self.get(number)
        if not isinstance(acc, FrozenAccount):
            raise BankError("account %s is not frozen" % number)
        self.accounts[number] = Account(acc.number, acc.owner, acc.balance)

    def month_end(self):
        for acc in self.accounts.values():
            self.minted += acc.month_end()

    def apply(self, op):
        kind = op[0]
        try:
            if kind == "deposit":
                self.get(op[1]).deposit(op[2])
            elif kind == "withdraw":
                self.get(op[1]).withdraw(op[2])
                self.minted -= op[2]
            elif kind == "transfer":
                self.transfer(op[1], op[2], op[3])
            elif kind == "freeze":
                self.freeze(op[1])
            elif kind == "thaw":
                self.thaw(op[1])
            elif kind == "month":
                self.month_end()
            else:
                raise ValueError("unknown operation %r" % kind)
            if kind == "deposit":
                self.minted += op[2]
        except BankError as e:
            self.errors[e.code] = self.errors.get(e.code, 0) + 1
            if len(self.log) < 5:
                self.log.append("%s: %s" % (type(e).__name__, e))
            return False
        except ValueError as e:
            self.errors["value"] = self.errors.get("value", 0) + 1
            return False
        else:
            return True
        finally:
            self.last = kind

    def total(self):
        return sum(acc.balance for acc in self.accounts.values())


def operations(n, numbers, seed):
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        r = state >> 8
        pick = r % 100
        a = numbers[(r >> 7) % len(numbers)]
        b = numbers[(r >> 13) % len(numbers)]
        amount = (r >> 3) % 40000 - 500
        if i % 997 == 996:
            yield ("month",)
        elif pick < 35:
            yield ("deposit", a, amount)
        elif pick < 65:
            yield ("withdraw", a, amount)
        elif pick < 98:
            yield ("transfer", a, b if pick != 97 else "nobody", abs(amount))
        elif pick == 98 and i % 7 == 0:
            yield ("freeze", a)
        elif pick == 99 and i % 2 == 0:
            yield ("thaw", a)
        else:
            yield ("audit", a)


def main(scale):
    bank = Bank()
    numbers = []
    for k in range(40):
        number = "AC%04d" % (k * 37 % 10000)
        numbers.append(number)
        owner = "owner%d" % (k % 13)
        if k % 3 == 0:
            bank.open(SavingsAccount(number, owner, 100000 + k))
        elif k % 3 == 1:
            bank.open(CheckingAccount(number, owner, 50000))
        else:
            bank.open(Account(number, owner, 20000))
    start = bank.total()
    bank.minted = 0
    ok = 0
    for op in operations(scale * 1000, numbers, 42):
        if bank.apply(op):
            ok += 1
    print("operations: %d ok, %d failed" % (ok, sum(bank.errors.values())))
    print("errors: %s" % ", ".join("%s=%d" % kv for kv in sorted(bank.errors.items())))
    print("money conserved: %s" % (bank.total() == start + bank.minted))
    kinds = {}
    for acc in bank.accounts.values():
        kinds[acc.kind] = kinds.get(acc.kind, 0) + 1
    print("kinds: %s" % sorted(kinds.items()))
    richest = max(bank.accounts.values(), key=lambda a: (a.balance, a.number))
    print("richest: %r" % richest)
    print("total: %d.%02d" % divmod(bank.total(), 100))
    for line in bank.log:
        print(line)
    try:
        bank.get("missing")
    except KeyError as e:
        print("caught as KeyError: %s %s" % (type(e).__name__, isinstance(e, BankError)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
