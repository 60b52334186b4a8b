# a bank ledger: classes, properties, custom exceptions, sorting, formatting, dict/set use
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.account, self.amount = account, amount
class FrozenAccount(Exception):
    pass
class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = round(balance, 2)
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
        self.frozen = False
    @property
    def balance(self): return self._balance
    def _check(self):
        if self.frozen:
            raise FrozenAccount(f"account {self.id} is frozen")
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance = round(self._balance + amount, 2)
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        self._check()
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance = round(self._balance - amount, 2)
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self): return f"Account({self.owner!r}, {self.balance:.2f})"
    def __lt__(self, other): return self.balance < other.balance
    def __eq__(self, other): return isinstance(other, Account) and self.id == other.id
    def __hash__(self): return hash(self.id)
class Bank:
    def __init__(self): self.accounts = {}
    def open(self, owner, initial=0.0):
        acct = Account(owner, initial)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except Exception:
            src.deposit(amount)
            raise
    def report(self):
        lines = []
        for acct in sorted(self.accounts.values(), reverse=True):
            lines.append(f"{acct.id:>6} {acct.owner:<8} {acct.balance:>10,.2f}")
        return "\n".join(lines)
bank = Bank()
alice, bob, carol = bank.open("alice", 100), bank.open("bob", 50.5), bank.open("carol")
alice.deposit(25.25).withdraw(10)
bank.transfer(alice, bob, 40)
for action in [lambda: bob.withdraw(1000), lambda: carol.deposit(-5), lambda: bank.transfer(carol, alice, 1)]:
    try:
        action()
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, e.amount)
    except ValueError as e:
        print("ValueError:", e)
carol.frozen = True
try:
    bank.transfer(bob, carol, 10)
except FrozenAccount as e:
    print("FrozenAccount:", e, "bob still has", bob.balance)
print(bank.report())
print(alice.history, bob.history, carol.history)
print(sorted(bank.accounts.values()), max(bank.accounts.values()), {alice, bob, alice} == {bob, alice})
totals = {}
for acct in bank.accounts.values():
    for kind, amount in acct.history:
        totals[kind] = round(totals.get(kind, 0) + amount, 2)
print(totals, sum(a.balance for a in bank.accounts.values()))
try:
    alice.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
