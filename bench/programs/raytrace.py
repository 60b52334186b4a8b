"""A small ray tracer built on a Vector class with operator overloading.

The scene holds spheres and a checkered plane (subclasses of Shape), two
point lights, Lambert and Phong shading, shadows and reflections. The image
(SCALE x SCALE pixels) is rendered to 8-bit RGB; the program prints
checksums of the pixels and a coarse ASCII preview.
"""

import sys
from math import sqrt

DEFAULT_SCALE = 140
EPSILON = 1e-6
MAX_DEPTH = 3


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        if isinstance(k, Vector):
            return Vector(self.x * k.x, self.y * k.y, self.z * k.z)
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k, self.z / k)

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def __abs__(self):
        return sqrt(self.dot(self))

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y and self.z == other.z

    def __repr__(self):
        return "Vector(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    def normalized(self):
        return self / abs(self)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


BLACK = Vector(0.0, 0.0, 0.0)
WHITE = Vector(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess=20, reflect=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color, other, size, **kwargs):
        Material.__init__(self, color, **kwargs)
        self.other = other
        self.size = size

    def color_at(self, point):
        i = int((point.x + 1000.0) / self.size) + int((point.z + 1000.0) / self.size)
        return self.color if i % 2 == 0 else self.other


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        """Distance along the ray to the nearest hit in front of it, or None."""
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, material):
        Shape.__init__(self, material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center) / self.radius


class Plane(Shape):
    def __init__(self, point, normal, material):
        Shape.__init__(self, material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.shapes = []
        self.lights = []
        self.ambient = Vector(0.08, 0.08, 0.1)
        self.rays = 0

    def nearest(self, ray):
        best_t = None
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, shape
        return best, best_t

    def trace(self, ray, depth):
        self.rays += 1
        shape, t = self.nearest(ray)
        if shape is None:
            k = 0.5 * (ray.direction.y + 1.0)
            return Vector(0.6, 0.7, 0.9) * k + Vector(0.2, 0.2, 0.25) * (1.0 - k)
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = shape.material
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            to_light = light.position - point
            distance = abs(to_light)
            to_light = to_light / distance
            shadow_ray = Ray(point + normal * 1e-4, to_light)
            blocker, bt = self.nearest(shadow_ray)
            if blocker is not None and bt < distance:
                continue
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base * light.color * (lambert * material.diffuse)
            half = (to_light - ray.direction).normalized()
            spec = normal.dot(half)
            if spec > 0.0:
                color = color + light.color * (material.specular * spec**material.shininess)
        if material.reflect > 0.0 and depth < MAX_DEPTH:
            bounced = Ray(point + normal * 1e-4, ray.direction.reflect(normal))
            color = color * (1.0 - material.reflect) + self.trace(bounced, depth + 1) * material.reflect
        return color


def build_scene():
    scene = Scene()
    scene.shapes.append(
        Plane(
            Vector(0.0, -1.0, 0.0),
            Vector(0.0, 1.0, 0.0),
            Checker(Vector(0.9, 0.9, 0.9), Vector(0.15, 0.15, 0.2), 1.0, reflect=0.2),
        )
    )
    scene.shapes.append(Sphere(Vector(0.0, 0.0, 5.0), 1.0, Material(Vector(0.9, 0.2, 0.2), reflect=0.3)))
    scene.shapes.append(Sphere(Vector(-2.2, -0.3, 6.0), 0.7, Material(Vector(0.2, 0.8, 0.3), shininess=50)))
    scene.shapes.append(Sphere(Vector(1.9, -0.5, 4.2), 0.5, Material(Vector(0.3, 0.4, 0.95), reflect=0.5)))
    scene.shapes.append(Sphere(Vector(0.7, 1.4, 7.5), 0.9, Material(Vector(0.95, 0.85, 0.3), specular=0.6)))
    scene.lights.append(Light(Vector(-4.0, 5.0, 1.0), Vector(0.9, 0.9, 0.85)))
    scene.lights.append(Light(Vector(5.0, 3.0, 2.0), Vector(0.35, 0.35, 0.45)))
    return scene


def to_byte(x):
    if x <= 0.0:
        return 0
    if x >= 1.0:
        return 255
    return int(x * 255.0 + 0.5)


def render(scene, width, height):
    eye = Vector(0.0, 0.3, -1.0)
    forward = (Vector(0.0, 0.0, 5.0) - eye).normalized()
    right = Vector(0.0, 1.0, 0.0).cross(forward).normalized()
    up = forward.cross(right)
    pixels = []
    for j in range(height):
        row = []
        sy = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            sx = 2.0 * (i + 0.5) / width - 1.0
            direction = forward + right * (sx * 0.8) + up * (sy * 0.8)
            c = scene.trace(Ray(eye, direction), 0)
            row.append((to_byte(c.x), to_byte(c.y), to_byte(c.z)))
        pixels.append(row)
    return pixels


def main(size):
    scene = build_scene()
    pixels = render(scene, size, size)
    total = [0, 0, 0]
    mix = 0
    for row in pixels:
        for r, g, b in row:
            total[0] += r
            total[1] += g
            total[2] += b
            mix = (mix * 257 + r * 65536 + g * 256 + b) % 2147483647
    print("image %dx%d, rays traced: %d" % (size, size, scene.rays))
    print("channel sums: %d %d %d" % tuple(total))
    print("mixed checksum: %d" % mix)
    shades = " .:-=+*#%@"
    step = max(1, size // 20)
    for j in range(0, size, step * 2):
        line = ""
        for i in range(0, size, step):
            r, g, b = pixels[j][i]
            line += shades[min(9, (r + g + b) * 10 // 766)]
        print(line)
    print(Vector(1.0, 2.0, 3.0) * 2 + 0.5 * Vector(1.0, 0.0, -1.0) == Vector(2.5, 4.0, 5.5))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
