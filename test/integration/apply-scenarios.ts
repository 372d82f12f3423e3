/**
 * Three desired states that, applied in order, exercise every step type of the three
 * products: create (with tags, deletion protection, members, caps), then attribute, spec,
 * tag/untag, member add/remove, cap change/cancel, then delete (disabling protection first).
 */
export const CREATE = `
version: 1
stack: it-apply
defaults: { region: cn-hangzhou, tags: { owner: platform } }
sharedBandwidth:
  - name: web
    bandwidth: 100
    isp: BGP
    internetChargeType: PayByBandwidth
    description: web egress
    deletionProtection: true
    tags: { team: web }
    ips:
      - eip-bp1demo0000000000001
      - { id: eip-bp1demo0000000000002, bandwidth: 50 }
  - name: batch
    region: cn-shanghai
    bandwidth: 50
    ips: [eip-uf6demo0000000000001]
cenBandwidth:
  - name: hz-sg
    bandwidth: 10
    areas: [China, Asia-Pacific]
    chargeType: POSTPAY
    tags: { team: net }
    cens: [cen-demo00000000000001]
gaBandwidth:
  - name: edge
    bandwidth: 100
    type: Basic
    bandwidthType: Enhanced
    chargeType: POSTPAY
    billingType: PayByTraffic
    tags: { team: edge }
    accelerators: [ga-bp1demo000000000001]
`;

export const CHANGE = `
version: 1
stack: it-apply
defaults: { region: cn-hangzhou, tags: { owner: network } }
sharedBandwidth:
  - name: web
    bandwidth: 200
    description: web and api egress
    deletionProtection: true
    tags: { tier: front }
    ips:
      - { id: eip-bp1demo0000000000001, bandwidth: 80 }
      - { id: eip-bp1demo0000000000002, bandwidth: null }
      - eip-bp1demo0000000000003
  - name: batch
    region: cn-shanghai
    bandwidth: 20
    ips: [eip-uf6demo0000000000002]
cenBandwidth:
  - name: hz-sg
    description: hangzhou to singapore
    bandwidth: 20
    areas: [China, Asia-Pacific]
    chargeType: POSTPAY
    cens: [cen-demo00000000000002]
gaBandwidth:
  - name: edge
    description: edge plan
    bandwidth: 200
    type: Basic
    bandwidthType: Basic
    chargeType: POSTPAY
    billingType: PayByTraffic
    accelerators: [ga-bp1demo000000000002]
`;

export const DELETE = `
version: 1
stack: it-apply
defaults: { region: cn-hangzhou }
sharedBandwidth:
  - { name: web, ensure: absent, deletionProtection: false }
  - { name: batch, region: cn-shanghai, ensure: absent }
cenBandwidth:
  - { name: hz-sg, ensure: absent }
gaBandwidth:
  - { name: edge, ensure: absent }
`;
