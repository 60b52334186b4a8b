# program: an inventory with dataclass-like classes, properties, sorting, grouping, reports and errors
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, have {have}")
        self.sku, self.wanted, self.have = sku, wanted, have

class Item:
    __slots__ = ("sku", "name", "price_cents", "qty", "tags")
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku = sku
        self.name = name
        self.price_cents = round(price * 100)
        self.qty = qty
        self.tags = frozenset(tags)
    @property
    def price(self):
        return self.price_cents / 100
    @property
    def value(self):
        return self.price_cents * self.qty / 100
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price:.2f}, qty={self.qty})"
    def __eq__(self, other):
        return isinstance(other, Item) and self.sku == other.sku
    def __hash__(self):
        return hash(self.sku)
    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)

class Inventory:
    def __init__(self):
        self._items = {}
        self.log = []
    def add(self, item):
        if item.sku in self._items:
            raise InventoryError(f"duplicate sku {item.sku}")
        self._items[item.sku] = item
        self.log.append(("add", item.sku))
    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise InventoryError(f"unknown sku {sku!r}") from None
    def __contains__(self, sku):
        return sku in self._items
    def __iter__(self):
        return iter(sorted(self._items.values()))
    def __len__(self):
        return len(self._items)
    def remove(self, sku, n):
        item = self[sku]
        if n > item.qty:
            raise OutOfStock(sku, n, item.qty)
        item.qty -= n
        self.log.append(("remove", sku, n))
        return item.price_cents * n
    def restock(self, **amounts):
        for sku, n in sorted(amounts.items()):
            self[sku].qty += n
            self.log.append(("restock", sku, n))
    def by_tag(self):
        groups = {}
        for item in self:
            for t in sorted(item.tags) or ["untagged"]:
                groups.setdefault(t, []).append(item.sku)
        return groups
    def total_value(self):
        return sum(i.value for i in self)
    def report(self):
        lines = [f"{'SKU':<6}{'NAME':<14}{'PRICE':>8}{'QTY':>5}{'VALUE':>10}"]
        for i in self:
            lines.append(f"{i.sku:<6}{i.name:<14}{i.price:>8.2f}{i.qty:>5}{i.value:>10.2f}")
        lines.append(f"{'total':<33}{self.total_value():>10.2f}")
        return "\n".join(lines)

inv = Inventory()
for args in [("A1", "widget", 2.5, 10, ["metal"]), ("B2", "gadget", 13.99, 3, ["metal", "electric"]),
             ("C3", "doohickey", 0.1, 1000), ("D4", "gizmo", 7.25, 0, ["electric"]), ("E5", "widget", 2.75, 4)]:
    inv.add(Item(*args))
print(len(inv), "A1" in inv, "Z9" in inv, inv["B2"])
print(inv.report())
print(inv.by_tag())
for op in [lambda: inv.remove("A1", 3), lambda: inv.remove("D4", 1), lambda: inv.remove("Z9", 1),
           lambda: inv.add(Item("A1", "dup", 1)), lambda: inv.restock(D4=5, C3=1), lambda: inv.remove("D4", 5)]:
    try:
        print("ok", op())
    except OutOfStock as e:
        print("OutOfStock", e, e.wanted - e.have)
    except InventoryError as e:
        print("InventoryError", e, e.__cause__, e.__suppress_context__)
print(inv.log)
print(sorted(inv, key=lambda i: (-i.value, i.sku)))
print(max(inv, key=lambda i: i.price).sku, min(inv).sku, [i.sku for i in sorted(inv, reverse=True)])
print({i for i in inv} == set(inv), len({Item("A1", "x", 1), Item("A1", "y", 2)}))
cheap = [i.sku for i in inv if i.price < 5]
names = sorted({i.name for i in inv})
print(cheap, names, dict(zip(names, map(len, names))))
try:
    inv["A1"].color = "red"
except AttributeError as e:
    print(type(e).__name__, e)
try:
    inv["A1"].price = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(f"{inv.total_value():,.2f}", f"{inv.total_value():e}", f"{int(inv.total_value()):_}", f"{0.125:.2f}", f"{0.375:.2f}", round(2.675, 2))
