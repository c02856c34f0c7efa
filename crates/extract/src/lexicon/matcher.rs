//! Surface forms found in text leftmost-longest: the gazetteers' matcher.
//!
//! A byte trie, walked from each position where a form may start: the first
//! position with a match wins, the longest form there is taken, and the
//! search goes on after it. These are the semantics of an Aho-Corasick
//! automaton with leftmost-longest matching (a test holds the two to the same
//! answers), but the trie is built in a fraction of the time (start-up is on
//! the critical path of every build), and a table of the byte pairs forms
//! start with rules out most positions without a walk. It suits names, which
//! mostly start with a capital; substances, in any case, use an automaton.

/// No node, no pattern.
const NONE: u32 = u32::MAX;

/// A node of the trie: its edges (a range of [`Matcher::edges`]) and the form
/// that ends there.
#[derive(Debug, Clone, Copy)]
struct Node {
    edges: (u32, u32),
    pattern: u32,
}

/// Forms to find, compiled.
#[derive(Debug)]
pub struct Matcher {
    /// The node each byte leads to from the root, or [`NONE`].
    root: Box<[u32; 256]>,
    /// Can a form start with this byte?
    first: [bool; 256],
    /// Bit `256 * a + b` is set when a form can start with bytes `a b` (or
    /// is the single byte `a`): other positions need no walk.
    starts: Box<[u64; 1024]>,
    nodes: Vec<Node>,
    /// (byte, child) of every node, sorted by byte within a node.
    edges: Vec<(u8, u32)>,
}

impl Matcher {
    /// A matcher of `forms` (an empty form matches nothing).
    pub fn new(forms: &[String]) -> Matcher {
        // In byte order, a form shares its path with the one before up to
        // their common prefix: the trie is built in one pass, each node's
        // children in order. Among equal forms the first given is kept.
        let mut order: Vec<usize> = (0..forms.len()).filter(|&i| !forms[i].is_empty()).collect();
        order.sort_by(|&a, &b| forms[a].cmp(&forms[b]).then(a.cmp(&b)));
        let mut patterns = vec![NONE];
        let mut links: Vec<(u32, u8, u32)> = Vec::new(); // (parent, byte, child), parents' children in byte order
        let mut path: Vec<u32> = vec![0]; // nodes along the previous form
        let mut previous: &[u8] = &[];
        for &i in &order {
            let form = forms[i].as_bytes();
            let shared = form.iter().zip(previous).take_while(|(a, b)| a == b).count();
            path.truncate(shared + 1);
            for &b in &form[shared..] {
                let child = patterns.len() as u32;
                patterns.push(NONE);
                links.push((path[path.len() - 1], b, child));
                path.push(child);
            }
            let end = path[path.len() - 1] as usize;
            if patterns[end] == NONE {
                patterns[end] = i as u32;
            }
            previous = form;
        }
        Self::from_links(patterns, &links)
    }

    /// Lays the trie out: each node's edges side by side (in the order they
    /// were made, so by byte), and the tables of the root.
    fn from_links(patterns: Vec<u32>, links: &[(u32, u8, u32)]) -> Matcher {
        let mut nodes: Vec<Node> = patterns.into_iter().map(|pattern| Node { edges: (0, 0), pattern }).collect();
        for &(parent, _, _) in links {
            nodes[parent as usize].edges.1 += 1;
        }
        let mut next = 0;
        for n in &mut nodes {
            n.edges = (next, next + n.edges.1);
            next = n.edges.1;
        }
        let mut edges = vec![(0u8, NONE); links.len()];
        let mut filled: Vec<u32> = nodes.iter().map(|n| n.edges.0).collect();
        for &(parent, byte, child) in links {
            edges[filled[parent as usize] as usize] = (byte, child);
            filled[parent as usize] += 1;
        }
        let mut root = Box::new([NONE; 256]);
        let mut starts = Box::new([0u64; 1024]);
        for &(first, child) in &edges[nodes[0].edges.0 as usize..nodes[0].edges.1 as usize] {
            root[first as usize] = child;
            let n = nodes[child as usize];
            let seconds: Vec<u8> = if n.pattern != NONE { (0..=255).collect() } else { edges[n.edges.0 as usize..n.edges.1 as usize].iter().map(|e| e.0).collect() };
            for second in seconds {
                let bit = 256 * first as usize + second as usize;
                starts[bit / 64] |= 1 << (bit % 64);
            }
        }
        let first = std::array::from_fn(|b| root[b] != NONE);
        Matcher { root, first, starts, nodes, edges }
    }

    fn starts_with_pair(&self, first: u8, second: u8) -> bool {
        let bit = 256 * first as usize + second as usize;
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn child(&self, node: Node, b: u8) -> Option<u32> {
        let edges = &self.edges[node.edges.0 as usize..node.edges.1 as usize];
        edges.binary_search_by_key(&b, |e| e.0).ok().map(|k| edges[k].1)
    }

    /// The first position from `from` on where a form may start (judged by
    /// its first two bytes, or its first alone at the end of `hay`).
    fn next_start(&self, hay: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        loop {
            at += hay.get(at..)?.iter().position(|&b| self.first[b as usize])?;
            match hay.get(at + 1) {
                Some(&second) if !self.starts_with_pair(hay[at], second) => at += 1,
                _ => return Some(at),
            }
        }
    }

    /// The longest form starting at `start`: (end, pattern index).
    fn longest_at(&self, hay: &[u8], start: usize) -> Option<(usize, usize)> {
        let mut node = self.root[*hay.get(start)? as usize];
        let mut at = start + 1;
        let mut longest = None;
        while node != NONE {
            let n = self.nodes[node as usize];
            if n.pattern != NONE {
                longest = Some((at, n.pattern as usize));
            }
            node = hay.get(at).and_then(|&b| self.child(n, b)).unwrap_or(NONE);
            at += 1;
        }
        longest
    }

    /// The forms found in `text`, leftmost-longest and not overlapping:
    /// (start, end, pattern index), in order.
    pub fn find_iter<'m, 't>(&'m self, text: &'t str) -> Matches<'m, 't> {
        Matches { matcher: self, hay: text.as_bytes(), at: 0 }
    }

    /// The index of the form equal to `form`.
    pub fn exact(&self, form: &str) -> Option<usize> {
        let (first, rest) = form.as_bytes().split_first()?;
        let mut node = self.root[*first as usize];
        for &b in rest {
            if node == NONE {
                return None;
            }
            node = self.child(self.nodes[node as usize], b).unwrap_or(NONE);
        }
        let pattern = self.nodes.get(node as usize)?.pattern;
        (pattern != NONE).then_some(pattern as usize)
    }
}

/// The iterator of [`Matcher::find_iter`].
pub struct Matches<'m, 't> {
    matcher: &'m Matcher,
    hay: &'t [u8],
    at: usize,
}

impl Iterator for Matches<'_, '_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<(usize, usize, usize)> {
        while let Some(start) = self.matcher.next_start(self.hay, self.at) {
            self.at = start + 1;
            if let Some((end, pattern)) = self.matcher.longest_at(self.hay, start) {
                self.at = end;
                return Some((start, end, pattern));
            }
        }
        self.at = self.hay.len();
        None
    }
}
